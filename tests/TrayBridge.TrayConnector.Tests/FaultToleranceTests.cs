using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrayBridge.TraySimulator.Gateway;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Json;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>Tray failing on purpose: reads are retried to success; a creation whose answer is lost is found, not repeated.</summary>
public sealed class FaultToleranceTests : IAsyncDisposable
{
    private const string Tenant = "tenant-faults";
    private ConnectorHarness? _harness;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_a_fifth_of_calls_answering_500_or_dropped_every_read_still_succeeds()
    {
        _harness = await ConnectorHarness.StartAsync(window: TimeSpan.FromSeconds(1), perWindow: 100);
        await _harness.ConnectAsync(Tenant, "510001", products: 7);
        _harness.Simulator.Admin.SetFaults(new Faults { Error500Share = 0.1, DropShare = 0.1 });

        await using var scope = _harness.Scope();
        var tray = scope.ServiceProvider.GetRequiredService<TrayApiClient>();
        for (var i = 0; i < 60; i++)
        {
            var page = await tray.GetAsync<JsonElement>(Tenant, "510001", "products?limit=1", TrayPriority.Polling, Cancel);
            Assert.Equal("7", page.GetProperty("paging").GetProperty("total").ToString());
        }

        // Each kind of fault hits about one call in ten, so over 60 calls at least a few did (status 0: dropped).
        // From the store's counters, not its last 1,000 logged calls: on a loaded machine 429s and the poll's calls can push
        // the faulted ones out of that window.
        var byStatus = _harness.Simulator.Admin.Stats("510001").ByStatus;
        var faults = byStatus.GetValueOrDefault("500") + byStatus.GetValueOrDefault("0");
        Assert.True(faults >= 3, $"only {faults} faults were injected");
    }

    [Fact]
    public async Task A_creation_applied_by_Tray_whose_answer_is_lost_is_found_and_not_created_twice()
    {
        _harness = await ConnectorHarness.StartAsync(window: TimeSpan.FromSeconds(1), perWindow: 100);
        await _harness.ConnectAsync(Tenant, "510002", products: 0);
        _harness.Simulator.Admin.SetFaults(new Faults { FailAfterCommitShare = 1 });
        await using var scope = _harness.Scope();
        var tray = scope.ServiceProvider.GetRequiredService<TrayApiClient>();

        async Task<string?> FindByReference(CancellationToken cancellationToken)
        {
            var page = await tray.GetAsync<JsonElement>(Tenant, "510002", "products?reference=FAC-1", TrayPriority.PriceStockSync, cancellationToken);
            return page.GetProperty("Products").EnumerateArray().Select(p => p.GetProperty("Product").GetProperty("id").ToString()).SingleOrDefault();
        }

        var id = await tray.CreateAsync(Tenant, "510002", "products",
            TrayJson.Envelope("Product", new { name = "Camiseta Falha", reference = "FAC-1", price = 10.5m, stock = 3 }), FindByReference,
            TrayPriority.PriceStockSync, Cancel);

        _harness.Simulator.Admin.ClearFaults();
        Assert.Equal(id, await FindByReference(Cancel));
        Assert.Single(_harness.Simulator.Admin.Requests("510002", 100), r => r.Method == "POST" && r.Path.Contains("/products"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null) await _harness.DisposeAsync();
    }
}
