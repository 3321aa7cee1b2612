using System.Diagnostics;
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

    public async ValueTask DisposeAsync()
    {
        if (_probe is not null) await _probe.DisposeAsync();
        if (_harness is not null) await _harness.DisposeAsync();
    }
}
