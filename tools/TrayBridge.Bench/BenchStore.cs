using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.TestSupport;

namespace TrayBridge.Bench;

/// <summary>A seeded Tray store on the simulator, connected to one tenant: its user's client (through the gateway) and Tray's
/// admin side, with the few calls the measures share.</summary>
public sealed class BenchStore : IAsyncDisposable
{
    private BenchStore(TrayBridgeSystem system, string tenant, string storeId)
    {
        StoreId = storeId;
        Erp = system.Client(system.Gateway, tenant);
        Erp.Timeout = TimeSpan.FromMinutes(2);
        Tray = system.Client(system.TraySimulator);
    }

    public string StoreId { get; }
    public HttpClient Erp { get; }
    public HttpClient Tray { get; }

    public static async Task<BenchStore> ConnectAsync(TrayBridgeSystem system, string tenant, string storeId, int products, int orders)
    {
        var store = new BenchStore(system, tenant, storeId);
        var tray = await (await store.Tray.PostAsJsonAsync("admin/stores", new { storeId, products, orders })).Content.ReadFromJsonAsync<JsonElement>();
        (await store.Erp.PostAsJsonAsync("api/stores", new
        {
            platform = "TrayCommerce", storeId, apiAddress = tray.GetProperty("apiAddress").GetString(), code = tray.GetProperty("code").GetString(),
        })).EnsureSuccessStatusCode();
        await Eventually.ReturnsAsync(store.MirrorAsync, rows => rows.Count == orders && rows.All(r => r.GetProperty("complete").GetBoolean()),
            TimeSpan.FromMinutes(20), $"{orders} orders mirrored");
        return store;
    }

    /// <summary>The merchant's "FATURADO" status, created on Tray and read by the connector as the invoiced one: a real store
    /// maps one, and without it an invoice moves no status (Tray's default statuses have none), which would hide that call.</summary>
    public async Task MapInvoicedStatusAsync()
    {
        var token = (await Tray.GetFromJsonAsync<JsonElement>($"admin/stores/{StoreId}/secrets")).GetProperty("accessTokens").EnumerateArray().Last().GetString();
        (await Tray.PostAsJsonAsync($"{StoreId}/web_api/orders/statuses?access_token={token}",
            new Dictionary<string, object> { ["OrderStatus"] = new { status = "FATURADO" } })).EnsureSuccessStatusCode();
        (await Erp.PostAsJsonAsync("api/tray/orders/statuses/refresh", new { storeId = StoreId })).EnsureSuccessStatusCode();
    }

    public async Task<List<JsonElement>> MirrorAsync()
    {
        var rows = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var body = await Erp.GetFromJsonAsync<JsonElement>($"api/tray/orders?storeId={StoreId}&pageSize=100&page={page}");
            rows.AddRange(body.GetProperty("items").EnumerateArray());
            if (rows.Count >= body.GetProperty("total").GetInt32()) return rows;
        }
    }

    public async Task<List<JsonElement>> SalesOrdersAsync()
    {
        var orders = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var body = await Erp.GetFromJsonAsync<JsonElement>($"api/orders/sales-orders?storeId={StoreId}&pageSize=100&page={page}");
            var items = body.GetProperty("items").EnumerateArray().ToList();
            orders.AddRange(items);
            if (items.Count < 100) return orders;
        }
    }

    public async Task<long> SalesOrderCountAsync() =>
        (await Erp.GetFromJsonAsync<JsonElement>($"api/orders/sales-orders?storeId={StoreId}&pageSize=1")).GetProperty("total").GetInt64();

    /// <summary>Tray's log of this store's calls after the first <paramref name="after"/> (simulator admin, outside the budget).</summary>
    public async Task<List<JsonElement>> TrayRequestsAsync(int after) =>
        [.. (await Tray.GetFromJsonAsync<JsonElement>($"admin/stores/{StoreId}/requests?after={after}")).EnumerateArray()];

    public async Task<int> TrayRequestCountAsync() =>
        (await Tray.GetFromJsonAsync<JsonElement>($"admin/stores/{StoreId}/stats")).GetProperty("requests").GetInt32();

    public ValueTask DisposeAsync()
    {
        Erp.Dispose();
        Tray.Dispose();
        return ValueTask.CompletedTask;
    }
}
