using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.Api.Catalog;
using TrayBridge.Api.Tray;
using TrayBridge.TestSupport;

namespace TrayBridge.IntegrationTests;

/// <summary>The few API calls these tests make, in one place.</summary>
internal static class Api
{
    public static async Task<Guid> CreateProductAsync(HttpClient client, string sku, decimal price = 99.90m, decimal stock = 5)
    {
        var response = await client.PostAsJsonAsync("api/catalog/products", new { sku, name = $"Camiseta {sku}", price, stock });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadAsync<ProductResponse>(CancellationToken.None)).Id;
    }

    /// <summary>How many distinct <c>ProductChanged</c> the connector recorded for a product, as the tenant's user sees it (0: none).</summary>
    public static async Task<int> ChangesReceivedAsync(HttpClient connector, Guid productId)
    {
        var response = await connector.GetAsync($"api/tray/product-sync/{productId}");
        if (response.StatusCode == HttpStatusCode.NotFound) return 0;
        return (await response.ReadAsync<ProductSyncStatus>(CancellationToken.None)).ChangesReceived;
    }

    public static Task<int> WaitForChangesAsync(HttpClient connector, Guid productId, int expected) =>
        Eventually.ReturnsAsync(() => ChangesReceivedAsync(connector, productId), n => n >= expected, TimeSpan.FromSeconds(30),
            $"connector records {expected} change(s) of {productId}");

    /// <summary>A new store on the Tray simulator, connected through the gateway as the tenant's user (Lojas Virtuais), once the
    /// Catalog has learnt of it — what every export test starts from.</summary>
    public static async Task ConnectStoreAsync(TrayBridgeSystem system, HttpClient erp, string storeId)
    {
        using var simulator = system.Client(system.TraySimulator);
        var tray = await (await simulator.PostAsJsonAsync("admin/stores", new { storeId })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Created, (await erp.PostAsJsonAsync("api/stores", new
        {
            platform = "TrayCommerce", storeId, apiAddress = tray.GetProperty("apiAddress").GetString(), code = tray.GetProperty("code").GetString(),
        })).StatusCode);
        await Eventually.ReturnsAsync(() => erp.GetAsync<List<CatalogStore>>("api/catalog/stores", CancellationToken.None), s => s.Any(x => x.StoreId == storeId),
            TimeSpan.FromSeconds(30), "the Catalog to learn of the store");
    }

    public static async Task<long> RelayLagAsync(HostProcess host)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var health = await http.GetFromJsonAsync<JsonElement>("health/ready");
        return health.GetProperty("checks").GetProperty("relay").GetProperty("data").GetProperty("lag").GetInt64();
    }
}
