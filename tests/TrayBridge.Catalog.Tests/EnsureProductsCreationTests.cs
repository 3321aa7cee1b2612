using static TrayBridge.Catalog.Tests.EnsureProductsData;

namespace TrayBridge.Catalog.Tests;

/// <summary>A line the catalog does not know becomes a product from Tray's data, marked as created by import; codes Tray
/// got wrong are left out rather than blocking the import.</summary>
[Collection(nameof(CatalogHarness))]
public sealed class EnsureProductsCreationTests(CatalogHarness harness)
{
    [Fact]
    public async Task an_unknown_line_becomes_a_product_with_tray_name_price_ncm_and_ean_and_no_stock()
    {
        var tenant = NewTenant();

        var ensured = await harness.EnsureAsync(Request(tenant,
            Line("501", "BLU-42", name: "  Blusa Algodão  ", price: 89.90m, ncm: "6109.10.00", ean: "7891000100103")));

        var created = Assert.Single(ensured.Items);
        Assert.True(created.Created);
        var product = await harness.LoadAsync(tenant, created.ProductId);
        Assert.Equal(("BLU-42", "Blusa Algodão", "blusa algodao", 89.90m, "61091000", "7891000100103", 0m, true),
            (product.Sku, product.Name, product.SearchName, product.Price, product.Ncm, product.Ean, product.Stock, product.CreatedByImport));
    }

    [Fact]
    public async Task an_invalid_ean_or_ncm_from_tray_is_dropped_and_the_product_still_created()
    {
        var tenant = NewTenant();

        var ensured = await harness.EnsureAsync(Request(tenant,
            Line("601", "BAD-EAN", ean: "7891000100104", ncm: "61091000"), Line("602", "BAD-NCM", ean: "7891000100103", ncm: "6109")));

        var badEan = await harness.LoadAsync(tenant, ensured.Items[0].ProductId);
        var badNcm = await harness.LoadAsync(tenant, ensured.Items[1].ProductId);
        Assert.Equal((null, "61091000", true), (badEan.Ean, badEan.Ncm, badEan.CreatedByImport));
        Assert.Equal(("7891000100103", null, true), (badNcm.Ean, badNcm.Ncm, badNcm.CreatedByImport));
    }

    [Fact]
    public async Task a_line_without_sku_is_created_under_tray_ids_and_found_there_next_time()
    {
        var tenant = NewTenant();

        var first = await harness.EnsureAsync(Request(tenant, Line("701", ""), Line("702", " ", variant: "9")));
        var again = await harness.EnsureAsync(Request(tenant, Line("701", ""), Line("702", "", variant: "9")));

        Assert.Equal("TRAY-701", (await harness.LoadAsync(tenant, first.Items[0].ProductId)).Sku);
        Assert.Equal("TRAY-702-9", (await harness.LoadAsync(tenant, first.Items[1].ProductId)).Sku);
        Assert.Equal(first.Items.Select(i => i.ProductId), again.Items.Select(i => i.ProductId));
        Assert.All(again.Items, i => Assert.False(i.Created));
    }

    [Fact]
    public async Task the_same_sku_twice_in_one_order_is_one_product()
    {
        var tenant = NewTenant();

        var ensured = await harness.EnsureAsync(Request(tenant, Line("801", "DUP-1"), Line("802", "OTHER-1"), Line("801", "DUP-1", variant: "3")));

        Assert.Equal(ensured.Items[0].ProductId, ensured.Items[2].ProductId);
        Assert.Equal([true, true, false], ensured.Items.Select(i => i.Created));
        Assert.Single(await harness.WithSkuAsync(tenant, "DUP-1"));
    }
}
