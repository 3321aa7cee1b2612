using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.TestSupport;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>A store's statuses are read from Tray with guessed roles; the merchant's roles replace them, and an order seen
/// in an approved status is imported on its own when asked for.</summary>
public sealed class OrderStatusMapTests : IAsyncDisposable
{
    private const string Tenant = "tenant-statuses";
    private const string Store = "575001";
    private ConnectorHarness? _harness;
    private BusProbe? _probe;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Roles_are_guessed_then_set_by_the_merchant_and_approved_orders_import_themselves()
    {
        _harness = await ConnectorHarness.StartAsync(window: TimeSpan.FromSeconds(1), perWindow: 100,
            extraSettings: new Dictionary<string, string?> { ["Tray:Orders:PollInterval"] = "00:00:01" });
        _probe = await BusProbe.StartAsync(_harness);
        await _harness.ConnectAsync(Tenant, Store, products: 4);
        using var client = _harness.Client(Tenant);

        var guessed = await client.GetFromJsonAsync<JsonElement>($"api/tray/orders/statuses?storeId={Store}", Cancel);
        Assert.Equal(5, guessed.GetProperty("statuses").GetArrayLength());
        Assert.Equal(["16"], guessed.GetProperty("approvedIds").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(["82"], guessed.GetProperty("cancelledIds").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal("17", guessed.GetProperty("shippedId").GetString());

        var unknown = await client.PutAsJsonAsync("api/tray/orders/statuses", new { storeId = Store, approvedIds = new[] { "999" } }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var set = await client.PutAsJsonAsync("api/tray/orders/statuses",
            new { storeId = Store, approvedIds = new[] { "16" }, invoicedId = "69", shippedId = "17", cancelledIds = new[] { "82" }, autoImportApproved = true }, Cancel);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("api/tray/orders/statuses/refresh", new { storeId = Store }, Cancel)).StatusCode);
        Assert.Equal("69", (await client.GetFromJsonAsync<JsonElement>($"api/tray/orders/statuses?storeId={Store}", Cancel)).GetProperty("invoicedId").GetString());

        var waiting = _harness.Simulator.Admin.CreateOrder(Store, status: "AGUARDANDO PAGAMENTO").ToString(CultureInfo.InvariantCulture);
        var approved = _harness.Simulator.Admin.CreateOrder(Store, status: "A ENVIAR").ToString(CultureInfo.InvariantCulture);

        await Eventually.ReturnsAsync(() => Task.FromResult(_probe.OrdersFetched.Any(o => o.TrayOrderId == approved)), found => found,
            TimeSpan.FromSeconds(15), "the approved order imported on its own");
        await Task.Delay(2000, Cancel);
        Assert.DoesNotContain(_probe.OrdersFetched, o => o.TrayOrderId == waiting);
        Assert.Single(_probe.OrdersFetched, o => o.TrayOrderId == approved);
    }

    public async ValueTask DisposeAsync()
    {
        if (_probe is not null) await _probe.DisposeAsync();
        if (_harness is not null) await _harness.DisposeAsync();
    }
}
