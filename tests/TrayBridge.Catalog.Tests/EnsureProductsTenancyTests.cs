using static TrayBridge.Catalog.Tests.EnsureProductsData;

namespace TrayBridge.Catalog.Tests;

/// <summary>One tenant's order never lands on another tenant's products, by link or by SKU.</summary>
[Collection(nameof(CatalogHarness))]
public sealed class EnsureProductsTenancyTests(CatalogHarness harness)
{
    [Fact]
    public async Task tenant_b_never_matches_tenant_a_products_by_link_or_by_sku()
    {
        var (tenantA, tenantB) = (NewTenant(), NewTenant());
        var productA = await harness.SeedAsync(tenantA, "ISO-1");
        await harness.LinkAsync(tenantA, productA.Id, "7001");
        var onlyInA = await harness.SeedAsync(tenantA, "ISO-2");

        var ensured = await harness.EnsureAsync(Request(tenantB, Line("7001", "ISO-1"), Line("7002", "ISO-2")));

        Assert.Equal(tenantB, ensured.TenantId);
        Assert.All(ensured.Items, i => Assert.True(i.Created));
        Assert.DoesNotContain(productA.Id, ensured.Items.Select(i => i.ProductId));
        Assert.DoesNotContain(onlyInA.Id, ensured.Items.Select(i => i.ProductId));
        Assert.Equal(productA.Id, Assert.Single(await harness.WithSkuAsync(tenantA, "ISO-1")).Id);
        Assert.False((await harness.LoadAsync(tenantA, productA.Id)).CreatedByImport);
        Assert.Equal(ensured.Items[0].ProductId, Assert.Single(await harness.WithSkuAsync(tenantB, "ISO-1")).Id);
    }
}
