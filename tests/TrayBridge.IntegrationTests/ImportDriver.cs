using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using TrayBridge.TestSupport;

namespace TrayBridge.IntegrationTests;

/// <summary>One simulated Tray store connected to one tenant, driven as its user (through the gateway) and as Tray (admin).</summary>
internal sealed class ImportDriver(TrayBridgeSystem system, string tenant, string storeId) : IDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public string StoreId => storeId;
    public HttpClient Erp { get; } = system.Client(system.Gateway, tenant);
    public HttpClient Tray { get; } = system.Client(system.TraySimulator);

    /// <summary>Creates the store on the simulator (with a seed), connects it, and waits until the mirror holds every order.</summary>
    public static async Task<ImportDriver> ConnectAsync(TrayBridgeSystem system, string tenant, string storeId, int products, int orders = 0,
        TimeSpan? mirrorTimeout = null)
    {
        var driver = new ImportDriver(system, tenant, storeId);
        var tray = await (await driver.Tray.PostAsJsonAsync("admin/stores", new { storeId, products, orders }, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(HttpStatusCode.Created, (await driver.Erp.PostAsJsonAsync("api/stores", new
        {
            platform = "TrayCommerce", storeId, apiAddress = tray.GetProperty("apiAddress").GetString(), code = tray.GetProperty("code").GetString(),
        }, Cancel)).StatusCode);
        await driver.MirroredAsync(orders, mirrorTimeout);
        return driver;
    }

    /// <summary>Places an order on Tray from an admin recipe; returns its Tray id.</summary>
    public async Task<string> CreateOrderAsync(object recipe)
    {
        var response = await Tray.PostAsJsonAsync($"admin/stores/{storeId}/orders", recipe, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString()!;
    }

    /// <summary>The order as Tray's <c>/complete</c> has it (no request budget spent).</summary>
    public async Task<JsonElement> TrayOrderAsync(string trayOrderId) =>
        (await Tray.GetFromJsonAsync<JsonElement>($"admin/stores/{storeId}/orders/{trayOrderId}", Cancel)).GetProperty("Order");

    public async Task<List<JsonElement>> MirrorAsync()
    {
        var rows = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var body = await Erp.GetFromJsonAsync<JsonElement>($"api/tray/orders?storeId={storeId}&pageSize=100&page={page}", Cancel);
            rows.AddRange(body.GetProperty("items").EnumerateArray());
            if (rows.Count >= body.GetProperty("total").GetInt32()) return rows;
        }
    }

    public Task<List<JsonElement>> MirroredAsync(int count, TimeSpan? timeout = null) => Eventually.ReturnsAsync(MirrorAsync,
        rows => rows.Count == count && rows.All(r => r.GetProperty("complete").GetBoolean()), timeout ?? TimeSpan.FromSeconds(60), $"{count} orders mirrored");

    public async Task<JsonElement> RowAsync(string trayOrderId) => (await MirrorAsync()).Single(r => r.GetProperty("trayOrderId").GetString() == trayOrderId);

    public async Task<List<JsonElement>> SalesOrdersAsync() =>
        (await Erp.GetFromJsonAsync<JsonElement>($"api/orders/sales-orders?storeId={storeId}&pageSize=200", Cancel)).GetProperty("items").EnumerateArray().ToList();

    public async Task ImportAsync(params string[] trayOrderIds) => Assert.Equal(HttpStatusCode.Accepted,
        (await Erp.PostAsJsonAsync("api/tray/orders/import", new { storeId, trayOrderIds }, Cancel)).StatusCode);

    /// <summary>A value from the Orders service's own tables, for what no endpoint shows (e.g. an import failure's attempts).</summary>
    public async Task<T?> ScalarAsync<T>(string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(system.Infrastructure.PostgresConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return await command.ExecuteScalarAsync(Cancel) is T result ? result : default;
    }

    public void Dispose()
    {
        Erp.Dispose();
        Tray.Dispose();
    }
}
