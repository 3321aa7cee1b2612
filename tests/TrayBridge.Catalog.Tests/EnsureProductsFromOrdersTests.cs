using TrayBridge.Contracts.Catalog;
using TrayBridge.TestSupport;
using static TrayBridge.Catalog.Tests.EnsureProductsData;

namespace TrayBridge.Catalog.Tests;

/// <summary>The request made the way Orders makes it: from inside a consumer on a platform-configured bus.</summary>
[Collection(nameof(CatalogHarness))]
public sealed class EnsureProductsFromOrdersTests(CatalogHarness harness)
{
    [Fact]
    public async Task a_consumer_on_the_platform_bus_gets_its_products_ensured_under_its_tenant()
    {
        var tenant = NewTenant();
        var existing = await harness.SeedAsync(tenant, "ORD-1");
        await using var orders = await OrdersLikeHost.StartAsync(harness.Infrastructure.RabbitConnectionString);

        await harness.PublishAsync(new ImportOrderProbe(tenant, Request(tenant, Line("1", "ORD-1"), Line("2", "ORD-2")), DateTimeOffset.UtcNow));

        var ensured = await Eventually.ReturnsAsync(() => Task.FromResult(orders.Responses.GetValueOrDefault(tenant)),
            r => r is not null, TimeSpan.FromSeconds(40), "ProductsEnsured inside the Orders-like consumer");
        Assert.Equal(tenant, ensured!.TenantId);
        Assert.Equal((existing.Id, false), (ensured.Items[0].ProductId, ensured.Items[0].Created));
        Assert.True(ensured.Items[1].Created);
    }
}
