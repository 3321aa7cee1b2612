using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using TrayBridge.Contracts.Catalog;
using TrayBridge.TestSupport;
using TrayBridge.TraySimulator.Gateway;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>A burst of stock changes survives the connector process being killed half-way: the desired state and the due sync
/// run are in PostgreSQL, the unconsumed changes wait in RabbitMQ, and a restarted connector finishes the job.</summary>
public sealed class ConnectorKilledMidBurstTests : IAsyncDisposable
{
    private const string Tenant = "tenant-kill-burst";
    private const string Store = "550077";
    private ConnectorHarness? _harness;
    private BusProbe? _probe;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ProductChanged Change(Guid productId, long version, decimal stock) =>
        new(Tenant, productId, version, "KILL-50", 30m, null, stock, true, DateTimeOffset.UtcNow);

    /// <summary>Tray's view, read as any Tray client would (the in-process connector is stopped, so not through it).</summary>
    private async Task<string> StockOnTrayAsync(string trayId)
    {
        using var http = new HttpClient { BaseAddress = _harness!.Simulator.BaseAddress };
        var token = _harness.Simulator.Admin.Secrets(Store).AccessTokens[^1];
        var product = await http.GetFromJsonAsync<JsonElement>($"{Store}/web_api/products/{trayId}?access_token={token}", Cancel);
        return product.GetProperty("Product").GetProperty("stock").GetString()!;
    }

    /// <summary>A sync run has claimed the product's due-work row and not finished it: killing now kills it mid-run.</summary>
    private async Task<long> SyncRunsInFlightAsync()
    {
        await using var connection = new NpgsqlConnection(_harness!.Infrastructure.PostgresConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(
            "select count(*) from tray_connector.due_work where kind = 'tray.product-sync' and status = 'pending' and leased_until > now()", connection);
        return (long)(await command.ExecuteScalarAsync(Cancel))!;
    }

    [Fact]
    public async Task Fifty_rapid_changes_with_the_connector_killed_half_way_end_with_the_last_stock_after_a_restart()
    {
        // A killed run keeps its due-work row leased until the lease ends; only then may another connector take it. The
        // default (DueWork:Lease, 5 min) would hold the product's sync — and the final stock — back for minutes after the
        // restart (with it this test times out at stock 12: no new change schedules a second run while one is due). 3 s here:
        // longer than a run once Tray answers promptly again (the slowness below lasts only until the kill), so no live run is
        // taken twice. In production the lease must outlast the slowest run, hence the long default.
        _harness = await ConnectorHarness.StartAsync(window: TimeSpan.FromSeconds(1), perWindow: 100,
            extraSettings: new Dictionary<string, string?> { ["DueWork:Lease"] = "00:00:03" });
        await _harness.ConnectAsync(Tenant, Store, products: 0);
        _probe = await BusProbe.StartAsync(_harness);
        var export = new ProductExportRequested(Tenant, Store, Guid.NewGuid(), Guid.NewGuid(), 1, "KILL-50", "Caneca KILL-50", 30m, 12, DateTimeOffset.UtcNow);
        await _probe.PublishAsync(export);
        var trayId = (await _probe.OutcomeAsync(export.ExportId, export.ProductId)).Exported!.TrayProductId;
        // From here on the connector is one OS process that can be killed; the in-process one stops consuming.
        var first = await _harness.StartReplicaAsync();
        await _harness.Connector.StopAsync(Cancel);

        // Tray answers slowly, so the kill lands while a run waits on its PUT (the aborted PUT never applies).
        _harness.Simulator.Admin.SetFaults(new Faults { SlowShare = 1, SlowMilliseconds = 3_000 });
        for (var version = 2; version <= 26; version++) await _probe.PublishAsync(Change(export.ProductId, version, stock: version));
        await Eventually.ReturnsAsync(SyncRunsInFlightAsync, runs => runs == 1, TimeSpan.FromSeconds(30), "a sync run in flight");
        await first.KillAsync();
        _harness.Simulator.Admin.ClearFaults();
        for (var version = 27; version <= 51; version++) await _probe.PublishAsync(Change(export.ProductId, version, stock: version));
        Assert.NotEqual("51", await StockOnTrayAsync(trayId));

        await _harness.StartReplicaAsync();

        await Eventually.ReturnsAsync(() => StockOnTrayAsync(trayId), stock => stock == "51", TimeSpan.FromSeconds(30), "stock 51 on Tray after the restart");
        await Task.Delay(TimeSpan.FromSeconds(2), Cancel); // a late run of an older version would show up here
        Assert.Equal("51", await StockOnTrayAsync(trayId));
    }

    public async ValueTask DisposeAsync()
    {
        if (_probe is not null) await _probe.DisposeAsync();
        if (_harness is not null) await _harness.DisposeAsync();
    }
}
