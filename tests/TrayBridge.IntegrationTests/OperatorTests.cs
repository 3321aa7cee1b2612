using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.TestSupport;

namespace TrayBridge.IntegrationTests;

/// <summary>Issue 15, the operator's view, through the gateway of the shared system: the platform's operation (role
/// <c>platform</c>, no tenant) sees every tenant's stores, disables one — no Tray call for it at all while another store
/// works, its work waits and resumes on enable, nothing lost — and sets a store's daily plan; a tenant's token is refused
/// there, and a platform token on a tenant's endpoints.</summary>
[Collection(nameof(SharedSystem))]
public sealed class OperatorTests(SystemFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tenant_token_gets_403_on_the_operator_API_and_a_platform_token_403_on_tenant_endpoints()
    {
        var system = fixture.System;
        using var platform = system.ClientWithToken(system.Gateway, system.Tokens.ForPlatform());
        foreach (var role in new[] { "admin", "operator" })
        {
            using var tenant = system.ClientWithRoles(system.Gateway, "tenant-op-auth", role);
            foreach (var call in new Func<Task<HttpResponseMessage>>[]
                     {
                         () => tenant.GetAsync("api/tray/operator/stores", Ct),
                         () => tenant.PostAsJsonAsync("api/tray/operator/stores/127.0.0.1:1/1/disable", new { reason = "teste" }, Ct),
                         () => tenant.PutAsJsonAsync("api/tray/operator/stores/127.0.0.1:1/1/plan", new { dailyCalls = 50_000 }, Ct),
                     })
            {
                var response = await call();
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                Assert.Equal("auth.platform_required", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
            }
        }
        foreach (var path in new[] { "api/stores", "api/catalog/products", "api/orders/sales-orders", "api/invoicing/nfes", "api/tray/orders?storeId=1" })
        {
            var response = await platform.GetAsync(path, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {(int)response.StatusCode}");
            Assert.Equal("auth.tenant_required", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
        }
        Assert.Equal(HttpStatusCode.OK, (await platform.GetAsync("api/tray/operator/stores?pageSize=1", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.GetAsync("api/tray/operator/stores?pageSize=1000", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_operator_sees_two_tenants_stores_disables_one_without_a_Tray_call_enables_it_with_nothing_lost_and_sets_a_plan()
    {
        var system = fixture.System;
        using var platform = system.ClientWithToken(system.Gateway, system.Tokens.ForPlatform());
        using var simulator = system.Client(system.TraySimulator);
        var connecting = new[] { ImportDriver.ConnectAsync(system, "tenant-op-a", "881501", products: 1, orders: 1),
            ImportDriver.ConnectAsync(system, "tenant-op-b", "881502", products: 1, orders: 1) };
        using var a = await connecting[0];
        using var b = await connecting[1];
        var host = (await a.Erp.GetFromJsonAsync<JsonElement>("api/stores/881501", Ct)).GetProperty("apiAddress").GetString()!.Split('/')[2];

        var rowA = await RowAsync(platform, "tenant-op-a", "881501");
        var rowB = await RowAsync(platform, "tenant-op-b", "881502");
        Assert.Equal(("connected", host, 10_000), (rowA.GetProperty("status").GetString(), rowA.GetProperty("apiHost").GetString(), rowA.GetProperty("dailyCalls").GetInt32()));
        Assert.Equal("connected", rowB.GetProperty("status").GetString());
        Assert.True(rowA.GetProperty("callsUsedToday").GetInt32() > 0);
        Assert.Equal(10_000 - rowA.GetProperty("callsUsedToday").GetInt32(), rowA.GetProperty("callsRemainingToday").GetInt32());

        // Disabled (a reason is required): the tenant sees why, and a person's Tray action is a 423 with nothing sent.
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.PostAsJsonAsync($"api/tray/operator/stores/{host}/881501/disable", new { reason = " " }, Ct)).StatusCode);
        var disabled = await platform.PostAsJsonAsync($"api/tray/operator/stores/{host}/881501/disable", new { reason = "Contrato suspenso" }, Ct);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal("disabled", (await disabled.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        var seen = await a.Erp.GetFromJsonAsync<JsonElement>("api/stores/881501", Ct);
        Assert.Equal(("disabled_by_operator", "Desativada pela operação", "Contrato suspenso"),
            (seen.GetProperty("statusCode").GetString(), seen.GetProperty("statusLabel").GetString(), seen.GetProperty("statusReason").GetString()));
        var check = await a.Erp.PostAsync("api/stores/881501/check", null, Ct);
        Assert.Equal(HttpStatusCode.Locked, check.StatusCode);
        Assert.Equal("store.disabled_by_operator", (await check.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
        var import = await a.Erp.PostAsJsonAsync("api/tray/orders/import", new { storeId = "881501", trayOrderIds = new[] { "1" } }, Ct);
        Assert.Equal(HttpStatusCode.Locked, import.StatusCode);
        Assert.Contains("Contrato suspenso", (await import.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
        // Read after those round trips, so a call already on the wire when the store was disabled has landed.
        var callsAtDisable = await TrayCallsAsync(simulator, "881501");

        // Both stores get a new order; B's is polled and imported while A makes no call at all.
        var newA = await a.CreateOrderAsync(new { });
        var newB = await b.CreateOrderAsync(new { });
        await b.MirroredAsync(2);
        await b.ImportAsync(newB);
        await Eventually.ReturnsAsync(() => b.RowAsync(newB), r => r.GetProperty("situation").GetString() == "Integrado", TimeSpan.FromSeconds(60), "B's order imported");
        Assert.Equal(callsAtDisable, await TrayCallsAsync(simulator, "881501"));
        Assert.DoesNotContain(await a.MirrorAsync(), r => r.GetProperty("trayOrderId").GetString() == newA);
        Assert.True((await RowAsync(platform, "tenant-op-a", "881501")).GetProperty("waitingWork").GetInt32() > 0, "A's parked work is counted");

        // Enabled: the parked work comes back at once, and A's order placed meanwhile reaches the mirror.
        Assert.Equal(HttpStatusCode.Conflict, (await platform.PostAsync($"api/tray/operator/stores/{host}/881502/enable", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await platform.PostAsync($"api/tray/operator/stores/{host}/881501/enable", null, Ct)).StatusCode);
        await a.MirroredAsync(2, TimeSpan.FromSeconds(30));
        Assert.Equal("connected", (await a.Erp.GetFromJsonAsync<JsonElement>("api/stores/881501", Ct)).GetProperty("statusCode").GetString());

        // The plan: bounded, and the budget's figures follow it (for the tenant too).
        foreach (var bad in new[] { 999, 50_001 })
            Assert.Equal(HttpStatusCode.BadRequest, (await platform.PutAsJsonAsync($"api/tray/operator/stores/{host}/881502/plan", new { dailyCalls = bad }, Ct)).StatusCode);
        var planned = await (await platform.PutAsJsonAsync($"api/tray/operator/stores/{host}/881502/plan", new { dailyCalls = 50_000 }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((50_000, "corporativa"), (planned.GetProperty("dailyCalls").GetInt32(), planned.GetProperty("plan").GetString()));
        Assert.Equal(50_000 - planned.GetProperty("callsUsedToday").GetInt32(), planned.GetProperty("callsRemainingToday").GetInt32());
        Assert.Equal(50_000, (await b.Erp.GetFromJsonAsync<JsonElement>("api/stores/881502", Ct)).GetProperty("dailyLimit").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await platform.PutAsJsonAsync("api/tray/operator/stores/nowhere.test/881502/plan", new { dailyCalls = 50_000 }, Ct)).StatusCode);

        // Audited: who, when, why.
        var actions = (await platform.GetFromJsonAsync<JsonElement>("api/tray/operator/actions?limit=200", Ct)).EnumerateArray()
            .Where(e => e.GetProperty("tenantId").GetString() is "tenant-op-a" or "tenant-op-b").Select(e => (e.GetProperty("action").GetString(),
                e.GetProperty("storeId").GetString(), e.GetProperty("by").GetString(), e.GetProperty("description").GetString())).ToList();
        Assert.Equal([("plan", "881502"), ("enable", "881501"), ("disable", "881501")], actions.Select(x => (x.Item1, x.Item2)).ToList());
        Assert.All(actions, x => Assert.Equal("plataforma@traybridge.dev", x.Item3));
        Assert.Contains("Contrato suspenso", actions[2].Item4);
    }

    /// <summary>The store's row in the operator's list, paging through every tenant's stores (the shared system holds many).</summary>
    private static async Task<JsonElement> RowAsync(HttpClient platform, string tenantId, string storeId)
    {
        for (var page = 1; page <= 50; page++)
        {
            var body = await platform.GetFromJsonAsync<JsonElement>($"api/tray/operator/stores?pageSize=100&page={page}", Ct);
            foreach (var tenant in body.GetProperty("tenants").EnumerateArray().Where(t => t.GetProperty("tenantId").GetString() == tenantId))
                foreach (var store in tenant.GetProperty("stores").EnumerateArray().Where(s => s.GetProperty("storeId").GetString() == storeId))
                    return store;
            if (page * 100 >= body.GetProperty("total").GetInt32()) break;
        }
        throw new Xunit.Sdk.XunitException($"store {storeId} of {tenantId} is not in the operator's list");
    }

    private static async Task<int> TrayCallsAsync(HttpClient simulator, string storeId) =>
        (await simulator.GetFromJsonAsync<JsonElement>($"admin/stores/{storeId}/stats", Ct)).GetProperty("requests").GetInt32();
}
