using static TrayBridge.Catalog.Tests.EnsureProductsData;

namespace TrayBridge.Catalog.Tests;

/// <summary>Lines of an imported order find the ERP products that already exist — and leave them as they are.</summary>
[Collection(nameof(CatalogHarness))]
public sealed class EnsureProductsMatchTests(CatalogHarness harness)
{
    [Fact]
    public async Task a_line_of_a_linked_tray_product_maps_to_its_erp_product_whatever_the_sku_on_tray()
    {
        var tenant = NewTenant();
        var product = await harness.SeedAsync(tenant, "ERP-77");
        await harness.LinkAsync(tenant, product.Id, "9001");

        var ensured = await harness.EnsureAsync(Request(tenant,
            Line("9001", "REF-ON-TRAY"), Line("9001", "REF-ON-TRAY-P", variant: "55")));

        Assert.All(ensured.Items, item => Assert.Equal((product.Id, (Guid?)null, false), (item.ProductId, item.VariationId, item.Created)));
        Assert.Equal(["9001", "9001"], ensured.Items.Select(i => i.TrayProductId));
        Assert.Equal([null, "55"], ensured.Items.Select(i => i.TrayVariantId));
        Assert.Empty(await harness.WithSkuAsync(tenant, "REF-ON-TRAY"));
    }

    [Fact]
    public async Task a_line_maps_by_its_exact_sku_so_cam_1_is_not_cam_10()
    {
        var tenant = NewTenant();
        var cam10 = await harness.SeedAsync(tenant, "CAM-10");
        var cam1 = await harness.SeedAsync(tenant, "CAM-1");

        var ensured = await harness.EnsureAsync(Request(tenant, Line("1", "CAM-1"), Line("10", "CAM-10"), Line("100", "CAM-100")));

        Assert.Equal((cam1.Id, false), (ensured.Items[0].ProductId, ensured.Items[0].Created));
        Assert.Equal((cam10.Id, false), (ensured.Items[1].ProductId, ensured.Items[1].Created));
        Assert.True(ensured.Items[2].Created);
        Assert.Single(await harness.WithSkuAsync(tenant, "CAM-100"));
    }

    [Fact]
    public async Task a_product_that_exists_is_never_changed_by_the_order_that_names_it()
    {
        var tenant = NewTenant();
        var before = await harness.SeedAsync(tenant, "MUG-1", name: "Caneca do ERP", price: 10m);

        await harness.EnsureAsync(Request(tenant, Line("300", "MUG-1", name: "Caneca da Tray", price: 99m, ncm: "69120000", ean: "7891000100103")));

        var after = await harness.LoadAsync(tenant, before.Id);
        Assert.Equivalent(before, after);
    }
}
