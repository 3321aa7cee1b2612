using TrayBridge.ServiceDefaults.Text;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrayBridge.TestSupport;
using TrayBridge.TrayConnector.Features.Orders;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>The order mirror against the simulator: backfill on connect, webhooks, polling, and the list served from it.</summary>
public sealed class OrderMirrorTests : IAsyncDisposable
{
    private const string Tenant = "tenant-orders";
    private const string Store = "560001";
    private ConnectorHarness? _harness;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<ConnectorHarness> StartAsync(int orders, string pollInterval)
    {
        _harness = await ConnectorHarness.StartAsync(window: TimeSpan.FromSeconds(1), perWindow: 100, extraSettings: new Dictionary<string, string?>
        {
            ["Tray:Orders:PollInterval"] = pollInterval,
        });
        var tray = _harness.Simulator.CreateStore(Store, products: 12, orders: orders);
        using var client = _harness.Client(Tenant);
        var created = await client.PostAsJsonAsync("api/stores",
            new { platform = "TrayCommerce", storeId = tray.StoreId, apiAddress = tray.ApiAddress, code = tray.Code }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return _harness;
    }

    private async Task<JsonElement> ListAsync(string query, string tenant = Tenant)
    {
        using var client = _harness!.Client(tenant);
        var size = query.Contains("pageSize=") ? "" : "&pageSize=100";
        var response = await client.GetAsync($"api/tray/orders?storeId={Store}{size}&{query}", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    private async Task<List<string>> IdsAsync(string query) =>
        (await ListAsync(query)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("trayOrderId").GetString()!).Order().ToList();

    private async Task<JsonElement> CaughtUpAsync(int expected) =>
        await Eventually.ReturnsAsync(() => ListAsync(""), page => page.GetProperty("total").GetInt32() == expected
            && page.GetProperty("items").EnumerateArray().All(i => i.GetProperty("complete").GetBoolean()), TimeSpan.FromSeconds(60), $"{expected} complete orders");

    /// <summary>What Tray says of each order, read straight from the simulator's <c>/complete</c> (not through the mirror).</summary>
    private async Task<List<(string Id, string Status, string Customer, string Day, string Origin)>> TrayTruthAsync(IEnumerable<string> ids)
    {
        await using var scope = _harness!.Scope();
        var tray = scope.ServiceProvider.GetRequiredService<TrayApiClient>();
        var truth = new List<(string, string, string, string, string)>();
        foreach (var id in ids)
        {
            var order = (await tray.GetAsync<JsonElement>(Tenant, Store, $"orders/{id}/complete", TrayPriority.Polling, Cancel)).GetProperty("Order");
            var marketplace = order.GetProperty("MarketplaceOrder").EnumerateArray().Select(m => m.GetProperty("MarketplaceOrder").GetProperty("marketplace_name").GetString()).FirstOrDefault();
            var ml = order.GetProperty("MlOrder").GetArrayLength() > 0 ? "Mercado Livre" : null;
            truth.Add((id, order.GetProperty("status").GetString()!, order.GetProperty("Customer").GetProperty("name").GetString()!,
                order.GetProperty("date").GetString()!, marketplace ?? ml ?? order.GetProperty("point_sale").GetString()!));
        }
        return truth;
    }

    [Fact]
    public async Task A_connected_store_is_backfilled_and_every_filter_returns_what_Tray_holds_without_calling_Tray()
    {
        var harness = await StartAsync(orders: 40, pollInterval: "01:00:00");
        var page = await CaughtUpAsync(40);
        var truth = await TrayTruthAsync(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("trayOrderId").GetString()!));
        var before = harness.Simulator.Admin.Stats(Store).Requests;

        var status = truth[0].Status;
        Assert.Equal(truth.Where(t => t.Status == status).Select(t => t.Id).Order(), await IdsAsync($"status={Uri.EscapeDataString(status)}"));
        var name = truth[1].Customer;
        var fragment = TextFolding.Fold(name.Split(' ')[0]).ToUpperInvariant(); // another case, accents dropped
        Assert.Equal(truth.Where(t => TextFolding.Fold(t.Customer).Contains(TextFolding.Fold(fragment))).Select(t => t.Id).Order(),
            await IdsAsync($"customer={Uri.EscapeDataString(fragment)}"));
        var day = truth[2].Day;
        Assert.Equal(truth.Where(t => string.CompareOrdinal(t.Day, day) >= 0).Select(t => t.Id).Order(), await IdsAsync($"from={day}"));
        Assert.Equal(truth.Where(t => t.Day == day).Select(t => t.Id).Order(), await IdsAsync($"from={day}&to={day}"));
        foreach (var origin in truth.Select(t => t.Origin).Distinct())
            Assert.Equal(truth.Where(t => t.Origin == origin).Select(t => t.Id).Order(), await IdsAsync($"origin={Uri.EscapeDataString(origin)}"));
        Assert.Equal(truth.Select(t => t.Id).Order(), await IdsAsync("situation=N%C3%A3o%20integrado"));
        Assert.Empty(await IdsAsync("situation=Integrado"));
        var paged = await ListAsync("page=2&pageSize=15");
        Assert.Equal(15, paged.GetProperty("items").GetArrayLength());
        Assert.Equal(40, paged.GetProperty("situations").GetProperty("Não integrado").GetInt32());

        Assert.Equal(before, harness.Simulator.Admin.Stats(Store).Requests);
    }

    [Fact]
    public async Task A_new_order_reaches_the_mirror_by_webhook_long_before_the_next_poll()
    {
        var harness = await StartAsync(orders: 3, pollInterval: "01:00:00");
        await CaughtUpAsync(3);
        harness.Simulator.Admin.ConfigureWebhooks(new Uri(harness.ConnectorAddress, "webhooks/tray").ToString());

        var id = harness.Simulator.Admin.CreateOrder(Store, marketplace: "Shopee").ToString(CultureInfo.InvariantCulture);

        var page = await Eventually.ReturnsAsync(() => ListAsync(""), p => p.GetProperty("items").EnumerateArray()
            .Any(i => i.GetProperty("trayOrderId").GetString() == id && i.GetProperty("complete").GetBoolean()), TimeSpan.FromSeconds(30), "the webhook's order");
        Assert.Equal("Shopee", page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("trayOrderId").GetString() == id)
            .GetProperty("origin").GetString());
    }

    [Fact]
    public async Task With_webhooks_off_a_new_order_arrives_by_polling()
    {
        var harness = await StartAsync(orders: 2, pollInterval: "00:00:02");
        await CaughtUpAsync(2);

        var id = harness.Simulator.Admin.CreateOrder(Store).ToString(CultureInfo.InvariantCulture);

        // Within two intervals (4 s) on an idle machine; 30 s leaves a loaded CI machine room.
        await Eventually.ReturnsAsync(() => IdsAsync(""), ids => ids.Contains(id), TimeSpan.FromSeconds(30), "the polled order");
    }

    [Fact]
    public async Task Bad_filters_are_400_and_another_tenant_does_not_see_the_store()
    {
        await StartAsync(orders: 1, pollInterval: "01:00:00");
        using var client = _harness!.Client(Tenant);
        foreach (var query in new[] { "", $"storeId={Store}&from=2026-13-01", $"storeId={Store}&situation=talvez", $"storeId={Store}&pageSize=1000",
                     $"storeId={Store}&page=0", $"storeId={Store}&from=2026-02-10&to=2026-02-01" })
        {
            var response = await client.GetAsync($"api/tray/orders?{query}", Cancel);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        using var other = _harness.Client("tenant-other");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"api/tray/orders?storeId={Store}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync("api/tray/orders/import", new { storeId = Store, trayOrderIds = new[] { "1000" } }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync("api/tray/orders/refresh", new { storeId = Store }, Cancel)).StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null) await _harness.DisposeAsync();
    }
}
