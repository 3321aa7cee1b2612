using Marten;
using TrayBridge.Catalog.Domain;
using TrayBridge.Contracts.Catalog;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.TestSupport;

namespace TrayBridge.Catalog.Tests;

/// <summary>Order lines, requests and catalog contents for the EnsureProducts tests; every test uses a tenant of its own.</summary>
internal static class EnsureProductsData
{
    public const string Store = "391250";

    public static string NewTenant() => $"tenant-{Guid.NewGuid():N}"[..20];

    public static EnsureProductItem Line(string trayProductId, string sku, string name = "Camiseta Básica", decimal price = 59.90m,
        string? ncm = null, string? ean = null, string? variant = null) => new(trayProductId, variant, sku, name, ncm, ean, price);

    public static EnsureProducts Request(string tenant, params EnsureProductItem[] lines) => new(tenant, Store, lines, DateTimeOffset.UtcNow);

    /// <summary>A product a person created in the ERP.</summary>
    public static async Task<Product> SeedAsync(this CatalogHarness harness, string tenant, string sku, string name = "Produto do ERP",
        decimal price = 10m)
    {
        var product = new Product { Id = Guid.CreateVersion7(), Sku = sku, Name = name, Price = price, Stock = 7, Version = 3, UpdatedAt = DateTimeOffset.UtcNow };
        await using var session = harness.Store.LightweightSession(tenant);
        session.Insert(product);
        await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        return product;
    }

    /// <summary>Links a product to a Tray product on <see cref="Store"/> the way the connector does: by <c>ProductExported</c>.</summary>
    public static async Task LinkAsync(this CatalogHarness harness, string tenant, Guid productId, string trayProductId)
    {
        await harness.PublishAsync(new ProductExported(tenant, Store, Guid.NewGuid(), productId, 3, trayProductId, [], DateTimeOffset.UtcNow));
        await Eventually.ReturnsAsync(async () =>
        {
            await using var session = harness.Store.QuerySession(tenant);
            return await session.LoadAsync<ProductLink>(ProductLink.IdFor(Store, productId), TestContext.Current.CancellationToken);
        }, link => link?.TrayProductId == trayProductId, TimeSpan.FromSeconds(30), $"link of {productId} to Tray {trayProductId}");
    }

    public static async Task<IReadOnlyList<Product>> WithSkuAsync(this CatalogHarness harness, string tenant, string sku)
    {
        await using var session = harness.Store.QuerySession(tenant);
        return await session.Query<Product>().Where(p => p.Sku == sku).ToListAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<Product> LoadAsync(this CatalogHarness harness, string tenant, Guid id)
    {
        await using var session = harness.Store.QuerySession(tenant);
        return await session.LoadAsync<Product>(id, TestContext.Current.CancellationToken) ?? throw new InvalidOperationException($"No product {id}.");
    }
}
