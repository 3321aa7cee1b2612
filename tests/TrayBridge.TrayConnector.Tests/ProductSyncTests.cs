using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using TrayBridge.Api.Tray;
using TrayBridge.TraySimulator.Hosting;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrayBridge.Contracts.Catalog;
using TrayBridge.TestSupport;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>Price and stock changes of a linked product reach Tray on their own: at once when idle, coalesced in a burst.</summary>
public sealed class ProductSyncTests : IAsyncDisposable
{
    private const string Tenant = "tenant-sync";
    private const string Store = "550001";
    private ConnectorHarness? _harness;
    private BusProbe? _probe;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A product exported to the store at version 1, with stock 12.</summary>
    private async Task<(Guid ProductId, string TrayId)> LinkedProductAsync(string sku)
    {
        _harness = await ConnectorHarness.StartAsync(window: TimeSpan.FromSeconds(1), perWindow: 100);
        await _harness.ConnectAsync(Tenant, Store, products: 0);
        _probe = await BusProbe.StartAsync(_harness);
        var export = new ProductExportRequested(Tenant, Store, Guid.NewGuid(), Guid.NewGuid(), 1, sku, $"Caneca {sku}", 30m, 12, DateTimeOffset.UtcNow);
        await _probe.PublishAsync(export);
        return (export.ProductId, (await _probe.OutcomeAsync(export.ExportId, export.ProductId)).Exported!.TrayProductId);
    }

    private static ProductChanged Change(Guid productId, long version, decimal stock, decimal price = 30m) =>
        new(Tenant, productId, version, "SKU", price, null, stock, true, DateTimeOffset.UtcNow);

    private async Task<string> StockOnTrayAsync(string trayId)
    {
        await using var scope = _harness!.Scope();
        var product = await scope.ServiceProvider.GetRequiredService<TrayApiClient>()
            .GetAsync<JsonElement>(Tenant, Store, $"products/{trayId}", TrayPriority.Polling, Cancel);
        return product.GetProperty("Product").GetProperty("stock").GetString()!;
    }

    private int PutsTo(string trayId) =>
        _harness!.Simulator.Admin.Requests(Store, 1000).Count(r => r.Method == "PUT" && r.Path.Split('?')[0].EndsWith($"/products/{trayId}"));

    [Fact]
    public async Task A_single_stock_change_on_an_idle_product_reaches_Tray_within_3_seconds()
    {
        var (productId, trayId) = await LinkedProductAsync("SYNC-1");
        var published = _harness!.Simulator.Admin.Now;

        await _probe!.PublishAsync(Change(productId, 2, stock: 7));

        await Eventually.ReturnsAsync(() => StockOnTrayAsync(trayId), stock => stock == "7", TimeSpan.FromSeconds(30), "stock 7 on Tray");
        // Timed by Tray's own log (when the PUT reached it), not by this test's polling of the stock.
        var put = _harness.Simulator.Admin.Requests(Store, 1000).First(r => r.At >= published && r.Method == "PUT" && r.Path.Split('?')[0].EndsWith($"/products/{trayId}"));
        Assert.True(put.At - published < TimeSpan.FromSeconds(3), $"reached Tray after {(put.At - published).TotalSeconds:F1} s");
    }

    [Fact]
    public async Task Fifty_rapid_changes_cost_at_most_three_calls_and_Tray_ends_with_the_last_stock()
    {
        var (productId, trayId) = await LinkedProductAsync("SYNC-50");

        var clock = Stopwatch.StartNew();
        for (var version = 2; version <= 51; version++) await _probe!.PublishAsync(Change(productId, version, stock: version));
        var consumed = await _harness!.ConsumedAsync(Tenant, productId, 50, clock);

        await Eventually.ReturnsAsync(() => StockOnTrayAsync(trayId), stock => stock == "51", TimeSpan.FromSeconds(30), "stock 51 on Tray");
        await Task.Delay(TimeSpan.FromSeconds(2), Cancel); // a straggling run would show up here
        Assert.InRange(PutsTo(trayId), 1, ProductSyncBursts.MostCalls(consumed));
        Assert.Equal("51", await StockOnTrayAsync(trayId));
    }

    [Fact]
    public async Task An_older_change_arriving_late_does_not_overwrite_a_newer_one()
    {
        var (productId, trayId) = await LinkedProductAsync("SYNC-OLD");
        await _probe!.PublishAsync(Change(productId, 3, stock: 30));
        await Eventually.ReturnsAsync(() => StockOnTrayAsync(trayId), stock => stock == "30", TimeSpan.FromSeconds(30), "stock 30 on Tray");

        await _probe.PublishAsync(Change(productId, 2, stock: 20));
        await Task.Delay(TimeSpan.FromSeconds(2), Cancel);

        Assert.Equal("30", await StockOnTrayAsync(trayId));
    }

    /// <summary>When a change published now reached Tray (by Tray's own log of the PUT), after the change is made.</summary>
    private async Task<TimeSpan> StockReachesTrayAsync(Guid productId, long version, int stock, string trayId)
    {
        var published = _harness!.Simulator.Admin.Now;
        await _probe!.PublishAsync(Change(productId, version, stock));
        await Eventually.ReturnsAsync(() => StockOnTrayAsync(trayId), s => s == stock.ToString(System.Globalization.CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(60), $"stock {stock} on Tray");
        var put = _harness.Simulator.Admin.Requests(Store, 1000).First(r => r.At >= published && r.Method == "PUT" && r.Path.Split('?')[0].EndsWith($"/products/{trayId}"));
        return put.At - published;
    }

    [Fact]
    public async Task Two_dead_Tray_stores_of_another_tenant_with_a_backlog_do_not_hold_up_a_stock_change_and_show_that_Tray_is_not_answering()
    {
        var (productId, trayId) = await LinkedProductAsync("SYNC-DEAD");
        var normal = await StockReachesTrayAsync(productId, 2, 7, trayId);

        // Another tenant's two stores on a Tray of their own, which then dies: its port refuses connections.
        const string deadTenant = "tenant-dead-tray";
        string[] deadStores = ["560001", "560002"];
        var deadTray = await TraySimulatorHost.StartAsync(_harness!.Clock, configure: s => (s.RateLimitWindow, s.PerMinuteLimit) = (TimeSpan.FromSeconds(1), 100));
        deadTray.CreateApp(ConnectorHarness.ConsumerKey, ConnectorHarness.ConsumerSecret);
        using var dead = _harness.Client(deadTenant);
        foreach (var storeId in deadStores)
        {
            var tray = deadTray.CreateStore(storeId);
            using var created = await dead.PostAsJsonAsync("api/stores",
                new { platform = "TrayCommerce", storeId, apiAddress = tray.ApiAddress, code = tray.Code }, Cancel);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        await deadTray.DisposeAsync();
        // A backlog in front of the change: 100 orders to import per dead store, each a call to the dead Tray.
        foreach (var storeId in deadStores)
        {
            using var import = await dead.PostAsJsonAsync("api/tray/orders/import",
                new { storeId, trayOrderIds = Enumerable.Range(1, 100).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList() }, Cancel);
            Assert.True(import.IsSuccessStatusCode, $"import answered {(int)import.StatusCode}");
        }
        await Task.Delay(TimeSpan.FromSeconds(1), Cancel); // the runner has taken the dead stores' first items

        var during = await StockReachesTrayAsync(productId, 3, 8, trayId);
        Assert.True(during <= normal * 2 + TimeSpan.FromSeconds(3),
            $"the stock change took {during.TotalSeconds:F1} s to reach Tray with two dead stores, {normal.TotalSeconds:F1} s before");

        // Each dead store says so, with the last error, and its work waits instead of failing.
        var views = await Eventually.ReturnsAsync(async () => await dead.GetFromJsonAsync<List<VirtualStore>>("api/stores", Cancel) ?? [],
            v => v.Count == 2 && v.All(s => s.TrayUnreachableSince is not null), TimeSpan.FromSeconds(60), "both dead stores shown as not answering");
        Assert.All(views, v => Assert.Contains("não respondeu", v.TrayLastError));
    }

    public async ValueTask DisposeAsync()
    {
        if (_probe is not null) await _probe.DisposeAsync();
        if (_harness is not null) await _harness.DisposeAsync();
    }
}
