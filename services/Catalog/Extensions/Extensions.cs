using Marten.Schema;
using MassTransit;
using TrayBridge.Contracts.TrayConnector;
using Marten.Schema.Indexing.Unique;
using TrayBridge.Catalog.Domain;
using TrayBridge.Catalog.Features.Categories;
using TrayBridge.Catalog.Features.Exports;
using TrayBridge.Catalog.Features.Images;
using TrayBridge.Catalog.Features.ImportedProducts;
using TrayBridge.Catalog.Features.Products;
using TrayBridge.Catalog.Features.Stock;
using TrayBridge.Catalog.Features.Stores;
using TrayBridge.ServiceDefaults;
using TrayBridge.ServiceDefaults.Persistence;

namespace TrayBridge.Catalog.Extensions;

public static class Extensions
{
    public static readonly ServiceStore Store = new("catalog", DaemonLockId: 41_001);

    public static WebApplicationBuilder AddCatalog(this WebApplicationBuilder builder)
    {
        builder.AddServicePlatform("catalog", Store, marten =>
            {
                // Optimistic: two saves of one product at once must not both become the same next version.
                marten.Schema.For<Product>().UniqueIndex(UniqueIndexType.Computed, "product_sku_per_tenant", TenancyScope.PerTenant, p => p.Sku)
                    .UseOptimisticConcurrency(true);
                marten.Schema.For<Category>().UniqueIndex(UniqueIndexType.Computed, "category_name_per_parent", TenancyScope.PerTenant,
                    c => c.ParentKey, c => c.NameKey);
                marten.Schema.For<SkuClaim>().Index(c => c.ProductId);
                marten.Schema.For<KnownStore>();
                marten.Schema.For<StockDeduction>();
                marten.Schema.For<ProductExport>();
                marten.Schema.For<ProductImage>().Index(i => i.ProductId);
                marten.Schema.For<ExportItem>().Index(i => i.ExportId).UseOptimisticConcurrency(true);
                // Two outcomes for one product and store (two exports close together) must not lose one another.
                marten.Schema.For<ProductLink>().UseOptimisticConcurrency(true);
            },
            bus =>
            {
                bus.AddConsumer<StoreConnectedConsumer>();
                bus.AddConsumer<ProductExportedConsumer>();
                bus.AddConsumer<ProductExportFailedConsumer>();
                bus.AddConsumer<EnsureProductsConsumer>();
                bus.AddConsumer<OrderImportedStockConsumer>();
                bus.AddRequestClient<StoreConnectionRequested>(RequestTimeout.After(s: 10));
            });
        builder.Services.AddSingleton(CatalogSettings.From(builder.Configuration));
        builder.Services.AddSingleton<ProductSnapshots>();
        builder.Services.AddScoped<StoreLookup>();
        return builder;
    }

    public static WebApplication MapCatalogApi(this WebApplication app)
    {
        app.MapProductsApi();
        app.MapCategoriesApi();
        app.MapProductImagesApi();
        app.MapDeleteProductImage();
        app.MapKnownStoresApi();
        app.MapExportsApi();
        return app;
    }
}
