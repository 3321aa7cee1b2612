using System.Net;
using System.Net.Http.Json;

namespace TrayBridge.TrayConnector.Tests;

internal static class StoreFixtures
{
    /// <summary>A simulator store with <paramref name="products"/> products and <paramref name="orders"/> orders, registered for <paramref name="tenant"/> through the API.</summary>
    public static async Task ConnectAsync(this ConnectorHarness harness, string tenant, string storeId, int products = 2, int orders = 0)
    {
        var tray = harness.Simulator.CreateStore(storeId, products: products, orders: orders);
        using var client = harness.Client(tenant);
        var created = await client.PostAsJsonAsync("api/stores",
            new { platform = "TrayCommerce", storeId = tray.StoreId, apiAddress = tray.ApiAddress, code = tray.Code },
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }
}
