using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.Catalog.Domain;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.TestSupport;
using static TrayBridge.Catalog.Tests.EnsureProductsData;
using static TrayBridge.Catalog.Tests.ProductVariationsApiTests;

namespace TrayBridge.Catalog.Tests;

/// <summary>Lines of Tray variants map to ERP variations: by the variant ids the connector reported, else by the variation's SKU.</summary>
[Collection(nameof(CatalogHarness))]
public sealed class EnsureProductsVariationTests(CatalogHarness harness)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(Guid ProductId, Guid Blue, Guid Black)> TshirtAsync(string tenant)
    {
        using var erp = harness.Client(tenant);
        var product = await (await erp.PostAsJsonAsync("api/catalog/products",
            Tshirt("CAM", Variation("CAM-AZ-M", "Azul", "M"), Variation("CAM-PR-M", "Preto", "M")), Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var variations = product.GetProperty("variations");
        return (product.GetProperty("id").GetGuid(), variations[0].GetProperty("id").GetGuid(), variations[1].GetProperty("id").GetGuid());
    }

    private async Task ExportedAsync(string tenant, Guid productId, string trayProductId, params ExportedVariant[] variants)
    {
        await harness.PublishAsync(new ProductExported(tenant, Store, Guid.NewGuid(), productId, 1, trayProductId, variants, DateTimeOffset.UtcNow));
        await Eventually.ReturnsAsync(async () =>
        {
            await using var session = harness.Store.QuerySession(tenant);
            return await session.LoadAsync<ProductLink>(ProductLink.IdFor(Store, productId), Cancel);
        }, link => link?.Variants.Count == variants.Length, TimeSpan.FromSeconds(30), $"link of {productId} with its variants");
    }

    [Fact]
    public async Task a_line_of_a_linked_tray_variant_maps_to_its_variation_whatever_its_sku_on_tray()
    {
        var tenant = NewTenant();
        var (productId, blue, black) = await TshirtAsync(tenant);
        await ExportedAsync(tenant, productId, "9001", new(blue, "301"), new(black, "302"));

        var ensured = await harness.EnsureAsync(Request(tenant, Line("9001", "RENAMED-ON-TRAY", variant: "302"), Line("9001", "X", variant: "301")));

        Assert.Equal([(productId, (Guid?)black, false), (productId, blue, false)], ensured.Items.Select(i => (i.ProductId, i.VariationId, i.Created)));
    }

    [Fact]
    public async Task a_line_with_a_variation_sku_maps_to_that_variation_linked_or_not()
    {
        var tenant = NewTenant();
        var (productId, blue, black) = await TshirtAsync(tenant);
        await ExportedAsync(tenant, productId, "9002");

        var ensured = await harness.EnsureAsync(Request(tenant,
            Line("9002", "CAM-PR-M", variant: "999"), Line("7777", "CAM-AZ-M", variant: "1"), Line("7777", "CAM"), Line("9002", "CAM-XX", variant: "5")));

        Assert.Equal([(productId, (Guid?)black), (productId, blue), (productId, null), (productId, null)],
            ensured.Items.Select(i => (i.ProductId, i.VariationId)));
        Assert.All(ensured.Items, i => Assert.False(i.Created));
    }

    [Fact]
    public async Task a_tray_variant_of_a_variation_since_removed_maps_to_the_product_only()
    {
        var tenant = NewTenant();
        var (productId, blue, black) = await TshirtAsync(tenant);
        await ExportedAsync(tenant, productId, "9003", new(blue, "311"), new(black, "312"));
        using (var erp = harness.Client(tenant))
            await erp.PutAsJsonAsync($"api/catalog/products/{productId}", Tshirt("CAM", Variation("CAM-PR-M", "Preto", "M", id: black)), Cancel);

        var ensured = await harness.EnsureAsync(Request(tenant, Line("9003", "CAM-AZ-M", variant: "311")));

        Assert.Equal((productId, (Guid?)null, false), (ensured.Items[0].ProductId, ensured.Items[0].VariationId, ensured.Items[0].Created));
    }
}
