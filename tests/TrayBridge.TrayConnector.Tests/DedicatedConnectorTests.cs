using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using TrayBridge.Api;
using TrayBridge.Api.Tray;
using TrayBridge.Contracts.Catalog;
using TrayBridge.TestSupport;
using TrayBridge.TrayConnector.Features.Dedicated;
using TrayBridge.TraySimulator.Gateway;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>A connector per store (issue 12 §2), with real processes: a store declared dedicated is called on Tray only by
/// its own connector process, every other store only by the shared ones — told apart by the <c>User-Agent</c> each
/// process sends, as the simulator logged it. One scenario, so the four processes start once: two shared replicas (the
/// test's in-process connector and another process) and the dedicated one. Tray's window is shortened on both sides alike,
/// with a quarter of each window kept in hand, as in <see cref="BudgetTests"/>.</summary>
public sealed class DedicatedConnectorTests : IAsyncDisposable
{
    private const string Tenant = "tenant-dedicated";
    private const string Dedicated = "591002";
    private static readonly string[] Stores = ["591001", Dedicated, "591003"];
    private static readonly string[] SharedAgents = ["(shared-a)", "(shared-b)"];
    private const string DedicatedAgent = "(dedicated)";
    private ConnectorHarness? _harness;
    private BusProbe? _probe;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> DedicatedSettings => new()
    {
        ["Connector__DedicatedStoreId"] = Dedicated, ["Connector__Instance"] = "dedicated",
    };

    private IReadOnlyList<LoggedRequest> Calls(string store) => _harness!.Simulator.Admin.Requests(store, RequestLog.Kept);

    private async Task<HttpResponseMessage> CheckAsync(string store)
    {
        using var client = _harness!.Client(Tenant);
        return await client.PostAsync($"api/stores/{store}/check", null, Cancel);
    }

    private async Task<int> MirroredAsync(string tenant, string store)
    {
        using var client = _harness!.Client(tenant);
        var page = await client.GetFromJsonAsync<JsonElement>($"api/tray/orders?storeId={store}&pageSize=100", Cancel);
        return page.GetProperty("total").GetInt32();
    }

    private async Task<long> BacklogAsync(string? dedicatedStore)
    {
        await using var connection = new NpgsqlConnection(_harness!.Infrastructure.PostgresConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(DedicatedStoresTable.BacklogQuery(dedicatedStore), connection);
        return (long)(await command.ExecuteScalarAsync(Cancel))!;
    }

    /// <summary>Stock PUTs Tray accepted for the product, as the simulator logged them (asking Tray from here would be a call too).</summary>
    private int PutsTo(string store, string trayId) =>
        Calls(store).Count(c => c.Method == "PUT" && c.Status == 200 && PathOf(c).EndsWith($"/products/{trayId}", StringComparison.Ordinal));

    private static string PathOf(LoggedRequest call) => call.Path.Split('?')[0];

    [Fact]
    public async Task A_dedicated_store_is_called_only_by_its_process_waits_while_it_is_down_and_two_shared_replicas_serve_20_other_stores()
    {
        _harness = await ConnectorHarness.StartAsync(window: TimeSpan.FromSeconds(2), perWindow: 20, headroom: 0.75,
            extraSettings: new Dictionary<string, string?>
            {
                ["Connector:Instance"] = "shared-a", ["Connector:ForwardTimeout"] = "00:00:10", ["Tray:Orders:PollInterval"] = "00:00:01",
            });
        var harness = _harness;
        await harness.StartReplicaAsync(new Dictionary<string, string> { ["Connector__Instance"] = "shared-b" });
        // The dedicated process starts before the store's work comes and declares its store, as its Deployment does.
        var dedicated = await harness.StartReplicaAsync(DedicatedSettings);
        var probe = _probe = await BusProbe.StartAsync(harness);
        await Task.WhenAll(Stores.Select(store => harness.ConnectAsync(Tenant, store, products: 0)));

        var products = new System.Collections.Concurrent.ConcurrentDictionary<string, (Guid ProductId, string TrayId)>();
        // Export (a consumer's work), a stock change (the product's sync), an order imported, "Testar conexão" (HTTP): every store at once.
        await Task.WhenAll(Stores.Select(async store =>
        {
            var export = new ProductExportRequested(Tenant, store, Guid.NewGuid(), Guid.NewGuid(), 1, $"DED-{store}", "Caneca", 30m, 12, DateTimeOffset.UtcNow);
            var order = harness.Simulator.Admin.CreateOrder(store, status: "AGUARDANDO PAGAMENTO").ToString(CultureInfo.InvariantCulture);
            await probe.PublishAsync(export);
            var exported = (await probe.OutcomeAsync(export.ExportId, export.ProductId)).Exported;
            Assert.NotNull(exported);
            products[store] = (export.ProductId, exported.TrayProductId);
            await probe.PublishAsync(new ProductChanged(Tenant, export.ProductId, 2, $"DED-{store}", 30m, null, 7, true, DateTimeOffset.UtcNow));
            await Eventually.ReturnsAsync(() => MirroredAsync(Tenant, store), n => n == 1, TimeSpan.FromSeconds(30), $"store {store}'s mirror");
            using (var client = harness.Client(Tenant))
                Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("api/tray/orders/import",
                    new { storeId = store, trayOrderIds = new[] { order } }, Cancel)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await CheckAsync(store)).StatusCode);
            await Eventually.ReturnsAsync(() => Task.FromResult(probe.OrdersFetched.Any(o => o.TrayOrderId == order)), f => f,
                TimeSpan.FromSeconds(30), $"order {order} fetched");
            await Eventually.ReturnsAsync(() => Task.FromResult(PutsTo(store, products[store].TrayId)), n => n >= 1, TimeSpan.FromSeconds(30),
                $"the stock change on store {store}");
        }));

        foreach (var store in Stores)
        {
            var calls = Calls(store);
            string[] expected = store == Dedicated ? [DedicatedAgent] : SharedAgents;
            Assert.All(calls, c => Assert.True(expected.Any(e => c.UserAgent?.EndsWith(e, StringComparison.Ordinal) == true),
                $"store {store}: {c.Method} {c.Path} came from {c.UserAgent ?? "nobody named"}"));
            // Every kind of work was there: the code exchange, the export's creation, the stock's PUT, the order's read, the check.
            Assert.Contains(calls, c => c.Method == "POST" && PathOf(c).EndsWith("/auth", StringComparison.Ordinal));
            Assert.Contains(calls, c => c.Method == "POST" && PathOf(c).EndsWith("/products", StringComparison.Ordinal));
            Assert.Contains(calls, c => c.Method == "PUT" && PathOf(c).Contains("/products/", StringComparison.Ordinal));
            Assert.Contains(calls, c => c.Method == "GET" && PathOf(c).EndsWith("/complete", StringComparison.Ordinal));
            Assert.Contains(calls, c => c.Method == "GET" && c.Path.Contains("/products?limit=1", StringComparison.Ordinal));
        }

        // The dedicated process dies: its store's work waits (nobody calls Tray for it), the person's check says why, in time.
        await dedicated.KillAsync();
        var before = Calls(Dedicated).Count;
        var puts = PutsTo(Dedicated, products[Dedicated].TrayId);
        await probe.PublishAsync(new ProductChanged(Tenant, products[Dedicated].ProductId, 3, $"DED-{Dedicated}", 30m, null, 5, true, DateTimeOffset.UtcNow));
        var check = await CheckAsync(Dedicated);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, check.StatusCode);
        var problem = await check.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(TrayProblemCodes.DedicatedConnectorUnavailable, problem.GetProperty(ApiProblem.CodeMember).GetString());
        // The stock change is due work in the store's partition, counted by the dedicated autoscaler's query, not the shared one's.
        await Eventually.ReturnsAsync(() => BacklogAsync(Dedicated), n => n >= 1, TimeSpan.FromSeconds(20), "the dedicated store's backlog");

        // Meanwhile the two shared replicas serve 20 more stores (a tenant each, registered at once): every one progresses
        // (its orders reach its mirror: listings and each order's /complete), and Tray never answers 429.
        var many = Enumerable.Range(1, 20).Select(i => (Tenant: $"tenant-many-{i}", Store: (592000 + i).ToString(CultureInfo.InvariantCulture))).ToList();
        const int Orders = 3;
        await Task.WhenAll(many.Select(async s =>
        {
            await harness.ConnectAsync(s.Tenant, s.Store, products: 0);
            for (var i = 0; i < Orders; i++) harness.Simulator.Admin.CreateOrder(s.Store, status: "AGUARDANDO PAGAMENTO");
        }));
        await Task.WhenAll(many.Select(s => Eventually.ReturnsAsync(() => MirroredAsync(s.Tenant, s.Store), n => n == Orders,
            TimeSpan.FromSeconds(60), $"store {s.Store}'s mirror")));
        Assert.Equal(0, many.Select(s => s.Store).Concat(Stores).Sum(s => harness.Simulator.Admin.Stats(s).Status429));
        var agents = many.SelectMany(s => Calls(s.Store)).Select(c => c.UserAgent ?? "").ToList();
        Assert.All(SharedAgents, shared => Assert.Contains(agents, a => a.EndsWith(shared, StringComparison.Ordinal)));
        Assert.DoesNotContain(agents, a => a.EndsWith(DedicatedAgent, StringComparison.Ordinal));
        Assert.Equal(before, Calls(Dedicated).Count);

        // Back: nothing was lost, and only the dedicated process calls.
        await dedicated.StartAsync();
        await Eventually.ReturnsAsync(() => Task.FromResult(PutsTo(Dedicated, products[Dedicated].TrayId)), n => n > puts,
            TimeSpan.FromSeconds(40), "the stock change made while the dedicated connector was down");
        Assert.Equal(HttpStatusCode.OK, (await CheckAsync(Dedicated)).StatusCode);
        Assert.All(Calls(Dedicated), c => Assert.EndsWith(DedicatedAgent, c.UserAgent));
    }

    public async ValueTask DisposeAsync()
    {
        if (_probe is not null) await _probe.DisposeAsync();
        if (_harness is not null) await _harness.DisposeAsync();
    }
}
