using Marten.Schema;
using Marten.Schema.Indexing.Unique;
using TrayBridge.Catalog.Domain;
using TrayBridge.Catalog.Features.Images;
using TrayBridge.Catalog.Features.Products;
using TrayBridge.ServiceDefaults;
using TrayBridge.ServiceDefaults.Persistence;

namespace TrayBridge.Catalog.Extensions;

public static class Extensions
{
    public static readonly ServiceStore Store = new("catalog", DaemonLockId: 41_001);

    public static WebApplicationBuilder AddCatalog(this WebApplicationBuilder builder) =>
        builder.AddServicePlatform("catalog", Store, marten =>
            marten.Schema.For<Product>().UniqueIndex(UniqueIndexType.Computed, "product_sku_per_tenant", TenancyScope.PerTenant, p => p.Sku));

    public static WebApplication MapCatalogApi(this WebApplication app)
    {
        app.MapProductsApi();
        app.MapProductImagesApi();
        return app;
    }
}
