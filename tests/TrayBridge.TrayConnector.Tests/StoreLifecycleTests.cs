using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using TrayBridge.Api;
using TrayBridge.Api.Tray;
using TrayBridge.TestSupport;
using TrayBridge.TrayConnector.Features.Orders;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>Lojas Virtuais as the panel sees them: each store's status as a code, a pt-BR label, Tray's reason and since
/// when; re-authorisation; and removal, which stops every Tray call for the store and keeps its history.</summary>
public sealed class StoreLifecycleTests : IAsyncDisposable
{
    private const string Tenant = "tenant-store-lifecycle";
    private ConnectorHarness? _harness;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<VirtualStore> StoreAsync(HttpClient client, string storeId) =>
        Assert.Single((await client.GetFromJsonAsync<List<VirtualStore>>("api/stores", Cancel))!, s => s.StoreId == storeId);

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    [Fact]
    public async Task A_store_shows_conectada_then_reautorizacao_necessaria_with_Trays_reason_and_since_when_until_a_new_code_connects_it()
    {
        _harness = await ConnectorHarness.StartAsync();
        await _harness.ConnectAsync(Tenant, "500101");
        using var client = _harness.Client(Tenant);

        var connected = await StoreAsync(client, "500101");
        Assert.Equal((StoreStatusCodes.Connected, "Conectada", "Connected"), (connected.StatusCode, connected.StatusLabel, connected.Status));
        Assert.Null(connected.StatusReason);
        Assert.Equal(connected.RegisteredAt, connected.StatusSince);

        _harness.Simulator.Admin.UpdateSettings(s => s with { AllowCodeReuse = false });
        var lostAt = _harness.Clock.GetUtcNow() + TimeSpan.FromDays(31);
        _harness.Clock.Advance(TimeSpan.FromDays(31));
        var check = await client.PostAsync("api/stores/500101/check", null, Cancel);

        Assert.Equal(HttpStatusCode.Conflict, check.StatusCode);
        var problem = await ProblemAsync(check);
        Assert.Equal(TrayProblemCodes.StoreUnavailable, problem.GetProperty(ApiProblem.CodeMember).GetString());
        Assert.StartsWith("A loja não pode ser acessada na Tray", problem.GetProperty("detail").GetString());
        var lost = await StoreAsync(client, "500101");
        Assert.Equal((StoreStatusCodes.ReauthorizationNeeded, "Reautorização necessária"), (lost.StatusCode, lost.StatusLabel));
        Assert.StartsWith("A Tray recusou o refresh token e o code guardado: ", lost.StatusReason);
        Assert.True(lost.StatusReason!.Length > "A Tray recusou o refresh token e o code guardado: ".Length, "Tray's own cause is kept");
        Assert.InRange(lost.StatusSince, lostAt, lostAt.AddMinutes(1));

        var refused = await client.PutAsJsonAsync("api/stores/500101", new ReauthorizeStoreRequest("nao-e-o-code", null), Cancel);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(TrayProblemCodes.TrayRefusedCode, (await ProblemAsync(refused)).GetProperty(ApiProblem.CodeMember).GetString());
        Assert.Equal(StoreStatusCodes.ReauthorizationNeeded, (await StoreAsync(client, "500101")).StatusCode);

        var reauthorized = await client.PutAsJsonAsync("api/stores/500101",
            new ReauthorizeStoreRequest(_harness.Simulator.Admin.NewCode("500101"), null), Cancel);
        Assert.Equal(HttpStatusCode.OK, reauthorized.StatusCode);
        var again = await StoreAsync(client, "500101");
        Assert.Equal((StoreStatusCodes.Connected, "Conectada"), (again.StatusCode, again.StatusLabel));
        Assert.Null(again.StatusReason);
        Assert.True(again.StatusSince >= lostAt, "connected again since the new code");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("api/stores/500101/check", null, Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_Site_URL_as_merchants_type_it_registers_the_same_store_at_the_API_address_and_says_it_was_adjusted()
    {
        _harness = await ConnectorHarness.StartAsync();
        var tray = _harness.Simulator.CreateStore("500103", products: 1);
        using var client = _harness.Client(Tenant);
        var site = tray.ApiAddress[..^"/web_api".Length]; // http://127.0.0.1:port/500103, the "shop" without /web_api
        var typed = new[] { site[("http://".Length)..] + "/", tray.ApiAddress + "/", site, site.Replace("/500103", "/500103/WEB_API", StringComparison.Ordinal) };

        var created = await client.PostAsJsonAsync("api/stores",
            new RegisterStoreRequest("TrayCommerce", "500103", typed[0], tray.Code), Cancel);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var store = (await created.Content.ReadFromJsonAsync<VirtualStore>(Cancel))!;
        Assert.Equal(tray.ApiAddress, store.ApiAddress);
        Assert.Equal($"Endereço da API ajustado para {tray.ApiAddress}.", store.ApiAddressNote);
        foreach (var form in typed.Skip(1))
        {
            var again = await client.PutAsJsonAsync("api/stores/500103", new ReauthorizeStoreRequest(tray.Code, form), Cancel);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(tray.ApiAddress, (await again.Content.ReadFromJsonAsync<VirtualStore>(Cancel))!.ApiAddress);
        }
        Assert.Equal((tray.ApiAddress, StoreStatusCodes.Connected), ((await StoreAsync(client, "500103")).ApiAddress, (await StoreAsync(client, "500103")).StatusCode));
        Assert.Null((await (await client.PutAsJsonAsync("api/stores/500103", new ReauthorizeStoreRequest(tray.Code, tray.ApiAddress), Cancel))
            .Content.ReadFromJsonAsync<VirtualStore>(Cancel))!.ApiAddressNote);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("api/stores/500103/check", null, Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_daily_plan_is_the_operators_setting_a_tenant_claiming_corporate_gets_the_ordinary_budget()
    {
        _harness = await ConnectorHarness.StartAsync(extraSettings: new Dictionary<string, string?> { ["Tray:Budget:CorporateStores:0"] = "500105" });
        using var client = _harness.Client(Tenant);
        var claimed = _harness.Simulator.CreateStore("500104", products: 1);
        var corporate = _harness.Simulator.CreateStore("500105", products: 1);

        var claiming = await client.PostAsJsonAsync("api/stores", new RegisterStoreRequest("TrayCommerce", "500104", claimed.ApiAddress, claimed.Code, Corporate: true), Cancel);
        var listed = await client.PostAsJsonAsync("api/stores", new RegisterStoreRequest("TrayCommerce", "500105", corporate.ApiAddress, corporate.Code), Cancel);

        Assert.Equal(10_000, (await claiming.Content.ReadFromJsonAsync<VirtualStore>(Cancel))!.DailyLimit);
        Assert.Equal(50_000, (await listed.Content.ReadFromJsonAsync<VirtualStore>(Cancel))!.DailyLimit);
    }

    [Fact]
    public async Task Removing_a_store_is_tenant_scoped_stops_every_Tray_call_and_keeps_its_orders_for_when_it_comes_back()
    {
        _harness = await ConnectorHarness.StartAsync(window: TimeSpan.FromSeconds(1), perWindow: 100,
            extraSettings: new Dictionary<string, string?> { ["Tray:Orders:PollInterval"] = "00:00:01" });
        var tray = _harness.Simulator.CreateStore("500102", products: 2, orders: 5);
        using var client = _harness.Client(Tenant);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("api/stores",
            new RegisterStoreRequest("TrayCommerce", tray.StoreId, tray.ApiAddress, tray.Code), Cancel)).StatusCode);
        await Eventually.ReturnsAsync(() => client.GetFromJsonAsync<TrayOrderPage>("api/tray/orders?storeId=500102", Cancel),
            page => page!.Total == 5, TimeSpan.FromSeconds(60), "the backfilled mirror");
        using var stranger = _harness.Client("tenant-store-lifecycle-other");

        var notTheirs = await stranger.DeleteAsync("api/stores/500102", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.Equal(TrayProblemCodes.StoreNotFound, (await ProblemAsync(notTheirs)).GetProperty(ApiProblem.CodeMember).GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("api/stores/500102", Cancel)).StatusCode);

        Assert.Empty((await client.GetFromJsonAsync<List<VirtualStore>>("api/stores", Cancel))!);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("api/stores/500102", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("api/stores/500102", Cancel)).StatusCode);
        // A poll already running may finish its calls; after that, with a 1 s interval, nothing more may reach Tray.
        await Task.Delay(TimeSpan.FromSeconds(3), Cancel);
        var calls = _harness.Simulator.Admin.Stats("500102").Requests;
        await Task.Delay(TimeSpan.FromSeconds(5), Cancel);
        Assert.Equal(calls, _harness.Simulator.Admin.Stats("500102").Requests);
        await using (var scope = _harness.Scope())
        await using (var session = scope.ServiceProvider.GetRequiredService<IDocumentStore>().QuerySession(Tenant))
            Assert.Equal(5, await session.Query<MirroredOrder>().CountAsync(o => o.StoreId == "500102", Cancel));

        var back = await client.PostAsJsonAsync("api/stores",
            new RegisterStoreRequest("TrayCommerce", tray.StoreId, tray.ApiAddress, _harness.Simulator.Admin.NewCode("500102")), Cancel);
        Assert.Equal(HttpStatusCode.Created, back.StatusCode);
        Assert.Equal(5, (await client.GetFromJsonAsync<TrayOrderPage>("api/tray/orders?storeId=500102", Cancel))!.Total);
    }

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null) await _harness.DisposeAsync();
    }
}
