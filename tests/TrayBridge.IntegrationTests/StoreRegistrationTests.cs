using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Npgsql;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.TestSupport;

namespace TrayBridge.IntegrationTests;

/// <summary>Lojas Virtuais through the gateway, against the Tray simulator as a separate process.</summary>
[Collection(nameof(SharedSystem))]
public sealed class StoreRegistrationTests(SystemFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<JsonElement> NewTrayStoreAsync(string storeId)
    {
        using var simulator = fixture.System.Client(fixture.System.TraySimulator);
        var response = await simulator.PostAsJsonAsync("admin/stores", new { storeId, products = 3 }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    /// <summary>A new simulator store, registered by <paramref name="tenantId"/>; the caller disposes the client.</summary>
    private async Task<HttpClient> ConnectedStoreAsync(string storeId, string tenantId)
    {
        var tray = await NewTrayStoreAsync(storeId);
        var tenant = fixture.System.Client(fixture.System.Gateway, tenantId);
        Assert.Equal(HttpStatusCode.Created, (await tenant.PostAsJsonAsync("api/stores", Form(tray), Cancel)).StatusCode);
        return tenant;
    }

    private static object Form(JsonElement trayStore, string? code = null) => new
    {
        platform = "TrayCommerce", storeId = trayStore.GetProperty("storeId").GetString(),
        apiAddress = trayStore.GetProperty("apiAddress").GetString(), code = code ?? trayStore.GetProperty("code").GetString(),
    };

    [Fact]
    public async Task A_store_registered_with_a_good_code_is_connected_and_shows_no_secret()
    {
        var tray = await NewTrayStoreAsync("391250");
        using var tenant = fixture.System.Client(fixture.System.Gateway, "tenant-stores-a");

        var created = await tenant.PostAsJsonAsync("api/stores", Form(tray), Cancel);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadAsStringAsync(Cancel);
        Assert.Equal("Connected", JsonDocument.Parse(body).RootElement.GetProperty("status").GetString());
        Assert.DoesNotContain(tray.GetProperty("code").GetString()!, body);
        Assert.DoesNotContain("token\"", body, StringComparison.OrdinalIgnoreCase);
        var list = await tenant.GetFromJsonAsync<JsonElement>("api/stores", Cancel);
        Assert.Equal("391250", Assert.Single(list.EnumerateArray()).GetProperty("storeId").GetString());
        var check = await tenant.PostAsync("api/stores/391250/check", null, Cancel);
        Assert.Equal(3, (await check.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("products").GetInt64());
    }

    [Fact]
    public async Task Other_systems_subscribed_to_StoreConnected_learn_of_the_store_under_its_tenant()
    {
        var received = new TaskCompletionSource<ConsumeContext<StoreConnected>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscriber = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(fixture.System.Infrastructure.RabbitConnectionString));
            rabbit.ReceiveEndpoint("another-system-store-connected", endpoint => endpoint.Handler<StoreConnected>(context =>
            {
                if (context.Message.StoreId == "391256") received.TrySetResult(context);
                return Task.CompletedTask;
            }));
        });
        await subscriber.StartAsync(Cancel);
        try
        {
            using var tenant = await ConnectedStoreAsync("391256", "tenant-stores-events");

            var connected = await received.Task.WaitAsync(TimeSpan.FromSeconds(30), Cancel);

            Assert.Equal("tenant-stores-events", connected.Message.TenantId);
            Assert.Equal("tenant-stores-events", connected.Headers.Get<string>("TenantId"));
            Assert.EndsWith("/391256/web_api", connected.Message.ApiAddress);
        }
        finally
        {
            await subscriber.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task The_catalog_learns_of_a_registered_store_under_its_tenant_only()
    {
        using var owner = await ConnectedStoreAsync("391257", "tenant-stores-catalog");
        using var other = fixture.System.Client(fixture.System.Gateway, "tenant-stores-catalog-other");

        await Eventually.ReturnsAsync(() => owner.GetFromJsonAsync<JsonElement>("api/catalog/stores", Cancel),
            stores => stores.EnumerateArray().Any(s => s.GetProperty("storeId").GetString() == "391257"), TimeSpan.FromSeconds(30),
            "the Catalog knows the store");
        Assert.Empty((await other.GetFromJsonAsync<JsonElement>("api/catalog/stores", Cancel)).EnumerateArray());
    }

    [Fact]
    public async Task A_store_is_usable_for_an_export_as_soon_as_its_registration_answers()
    {
        var tray = await NewTrayStoreAsync("391258");
        using var tenant = fixture.System.Client(fixture.System.Gateway, "tenant-stores-at-once");
        var product = await Api.CreateProductAsync(tenant, "AT-ONCE-1");

        Assert.Equal(HttpStatusCode.Created, (await tenant.PostAsJsonAsync("api/stores", Form(tray), Cancel)).StatusCode);
        var export = await tenant.PostAsJsonAsync("api/catalog/exports", new { storeId = "391258", productIds = new[] { product } }, Cancel);

        Assert.Equal(HttpStatusCode.Accepted, export.StatusCode);
        var exportId = (await export.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("exportId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await tenant.GetAsync("api/catalog/products?storeId=391258", Cancel)).StatusCode);
        await Eventually.ReturnsAsync(() => tenant.GetFromJsonAsync<JsonElement>($"api/catalog/exports/{exportId}", Cancel),
            e => e.GetProperty("exported").GetInt32() == 1, TimeSpan.FromSeconds(60), "the export to reach Tray");
        var unknown = await tenant.PostAsJsonAsync("api/catalog/exports", new { storeId = "391259", productIds = new[] { product } }, Cancel);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode); // a store the tenant does not have is still refused
        Assert.Equal("export.store_not_connected", (await unknown.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_bad_code_gives_a_4xx_with_Trays_cause_and_stores_nothing()
    {
        var tray = await NewTrayStoreAsync("391251");
        using var tenant = fixture.System.Client(fixture.System.Gateway, "tenant-stores-bad-code");

        var refused = await tenant.PostAsJsonAsync("api/stores", Form(tray, code: "not-the-code"), Cancel);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("store.tray_refused_code", problem.GetProperty("code").GetString());
        // Tray's own cause, after the Portuguese frame: the merchant reads why.
        Assert.StartsWith("A Tray recusou o code: ", problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("detail").GetString()!.Length > "A Tray recusou o code: ".Length);
        Assert.Empty((await tenant.GetFromJsonAsync<JsonElement>("api/stores", Cancel)).EnumerateArray());
    }

    [Theory]
    [InlineData("https://10.1.2.3/web_api")]
    [InlineData("https://169.254.169.254/web_api")]
    [InlineData("https://[::1]/web_api")]
    [InlineData("http://192.168.0.10/web_api")] // http:// is upgraded to https (issue 10, point 8), an internal address is still refused
    [InlineData("10.1.2.3")]
    [InlineData("https://user:pass@minhaloja.commercesuite.com.br/web_api")]
    public async Task An_api_address_that_is_internal_or_has_credentials_is_refused(string apiAddress)
    {
        using var tenant = fixture.System.Client(fixture.System.Gateway, "tenant-stores-ssrf");

        var refused = await tenant.PostAsJsonAsync("api/stores",
            new { platform = "TrayCommerce", storeId = "777", apiAddress, code = "x" }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("apiAddress", out _));
    }

    [Fact]
    public async Task A_host_name_that_resolves_to_loopback_is_refused_at_connect_time()
    {
        var tray = await NewTrayStoreAsync("391252");
        using var tenant = fixture.System.Client(fixture.System.Gateway, "tenant-stores-rebind");
        var viaName = tray.GetProperty("apiAddress").GetString()!.Replace("127.0.0.1", "localhost");

        var refused = await tenant.PostAsJsonAsync("api/stores", new
        {
            platform = "TrayCommerce", storeId = "391252", apiAddress = viaName.Replace("http://", "https://"),
            code = tray.GetProperty("code").GetString(),
        }, Cancel);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("store.tray_unreachable", problem.GetProperty("code").GetString());
        Assert.Contains("privado ou interno", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_store_belongs_to_one_tenant_and_is_invisible_to_others()
    {
        var tray = await NewTrayStoreAsync("391253");
        using var owner = fixture.System.Client(fixture.System.Gateway, "tenant-stores-owner");
        using var other = fixture.System.Client(fixture.System.Gateway, "tenant-stores-other");
        Assert.Equal(HttpStatusCode.Created, (await owner.PostAsJsonAsync("api/stores", Form(tray), Cancel)).StatusCode);

        using var simulator = fixture.System.Client(fixture.System.TraySimulator);
        var secondCode = await (await simulator.PostAsync("admin/stores/391253/codes", null, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var stolen = await other.PostAsJsonAsync("api/stores", Form(tray, secondCode.GetProperty("code").GetString()), Cancel);

        Assert.Equal(HttpStatusCode.Conflict, stolen.StatusCode);
        Assert.Empty((await other.GetFromJsonAsync<JsonElement>("api/stores", Cancel)).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("api/stores/391253", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync("api/stores/391253", new { code = "x" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync("api/stores/391253/check", null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync("api/stores/391253", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("api/stores/391253", Cancel)).StatusCode);
    }

    [Fact]
    public async Task An_expired_access_token_is_refreshed_after_Tray_rejects_it()
    {
        using var tenant = await ConnectedStoreAsync("391254", "tenant-stores-refresh");
        using var simulator = fixture.System.Client(fixture.System.TraySimulator);

        // Tray's clock moves past the 3 h lifetime; ours does not, so only Tray's 401 can reveal it.
        await simulator.PostAsJsonAsync("admin/clock/advance", new { by = "03:10:00" }, Cancel);
        var check = await tenant.PostAsync("api/stores/391254/check", null, Cancel);

        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        var log = await simulator.GetFromJsonAsync<JsonElement>("admin/stores/391254/requests?last=10", Cancel);
        Assert.Contains(log.EnumerateArray(), r => r.GetProperty("status").GetInt32() == 401);
    }

    [Fact]
    public async Task A_blocked_store_stops_with_its_reason()
    {
        using var tenant = await ConnectedStoreAsync("391255", "tenant-stores-blocked");
        using var simulator = fixture.System.Client(fixture.System.TraySimulator);
        await simulator.PutAsJsonAsync("admin/stores/391255/status", new { status = "blocked" }, Cancel);

        var check = await tenant.PostAsync("api/stores/391255/check", null, Cancel);

        Assert.Equal(HttpStatusCode.Conflict, check.StatusCode);
        var store = await tenant.GetFromJsonAsync<JsonElement>("api/stores/391255", Cancel);
        Assert.Equal("Blocked", store.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(store.GetProperty("statusReason").GetString()));
    }

    /// <summary>Issue 11, "a fake Tray host can take a store": a tenant types its own host (here another simulator, answering
    /// /auth with the victim's store id) and registers first. The real merchant still registers; a webhook for that seller_id
    /// is re-read by each registration from its own host, so only the real tenant imports the order; and each registration
    /// spends a budget of its own.</summary>
    [Fact]
    public async Task A_fake_Tray_host_claiming_a_real_store_id_first_takes_neither_the_store_nor_its_webhooks_nor_its_budget()
    {
        const string storeId = "391270";
        var fakeHost = await fixture.System.StartTraySimulatorAsync("tray-simulator-fake");
        using var fakeAdmin = fixture.System.Client(fakeHost);
        var fakeStore = await (await fakeAdmin.PostAsJsonAsync("admin/stores", new { storeId, products = 0, orders = 0 }, Cancel))
            .Content.ReadFromJsonAsync<JsonElement>(Cancel);
        using var attacker = fixture.System.Client(fixture.System.Gateway, "tenant-fake-host");
        Assert.Equal(HttpStatusCode.Created, (await attacker.PostAsJsonAsync("api/stores", Form(fakeStore), Cancel)).StatusCode);

        using var realAdmin = fixture.System.Client(fixture.System.TraySimulator);
        var realStore = await (await realAdmin.PostAsJsonAsync("admin/stores", new { storeId, products = 0, orders = 0 }, Cancel))
            .Content.ReadFromJsonAsync<JsonElement>(Cancel);
        using var merchant = fixture.System.Client(fixture.System.Gateway, "tenant-real-store");
        var registered = await merchant.PostAsJsonAsync("api/stores", Form(realStore), Cancel);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        // A new order on the real store, and Tray's notification of it: each registration re-reads it from its own host.
        var order = await (await realAdmin.PostAsJsonAsync($"admin/stores/{storeId}/orders", new { status = "A ENVIAR" }, Cancel))
            .Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var orderId = order.GetProperty("id").GetString()!;
        using var tray = fixture.System.Client(fixture.System.Gateway);
        var notification = new FormUrlEncodedContent(new Dictionary<string, string>
            { ["seller_id"] = storeId, ["scope_name"] = "order", ["scope_id"] = orderId, ["act"] = "insert" });
        Assert.Equal(HttpStatusCode.OK, (await tray.PostAsync("webhooks/tray", notification, Cancel)).StatusCode);

        var (realHost, fakeHostKey) = ($"127.0.0.1:{fixture.System.TraySimulator.Port}", $"127.0.0.1:{fakeHost.Port}");
        var reread = await Eventually.ReturnsAsync(() => InboxAsync(storeId, orderId), rows => rows.Count == 2 && rows.All(r => r.Status == "processed"),
            TimeSpan.FromSeconds(30), "both registrations to re-read the notification");
        Assert.Equal((realHost, (string?)null), reread.Where(r => r.Tenant == "tenant-real-store").Select(r => (r.Host, r.Reason)).Single());
        Assert.Equal((fakeHostKey, (string?)"order not found on Tray"), reread.Where(r => r.Tenant == "tenant-fake-host").Select(r => (r.Host, r.Reason)).Single());
        await Eventually.ReturnsAsync(() => merchant.GetFromJsonAsync<JsonElement>($"api/tray/orders?storeId={storeId}", Cancel),
            page => page.GetProperty("items").EnumerateArray().Any(o => o.GetProperty("trayOrderId").GetString() == orderId),
            TimeSpan.FromSeconds(30), "the real tenant to mirror the order");
        var attackerOrders = await attacker.GetFromJsonAsync<JsonElement>($"api/tray/orders?storeId={storeId}", Cancel);
        Assert.Empty(attackerOrders.GetProperty("items").EnumerateArray());

        // Every call to a host is counted on that registration's row (counted before it is sent, so never fewer).
        var fakeCalls = (await fakeAdmin.GetFromJsonAsync<JsonElement>($"admin/stores/{storeId}/stats", Cancel)).GetProperty("requests").GetInt32();
        var realCalls = (await realAdmin.GetFromJsonAsync<JsonElement>($"admin/stores/{storeId}/stats", Cancel)).GetProperty("requests").GetInt32();
        var used = await DailyUseAsync(storeId);
        Assert.Equal(new[] { fakeHostKey, realHost }.Order(), used.Keys.Order()); // ports are chosen at random: compare as sets
        Assert.InRange(used[fakeHostKey], fakeCalls, fakeCalls + 20);
        Assert.InRange(used[realHost], realCalls, realCalls + 20);
        var seen = await merchant.GetFromJsonAsync<JsonElement>($"api/stores/{storeId}", Cancel);
        Assert.InRange(seen.GetProperty("requestsToday").GetInt32(), realCalls, realCalls + 20);

        // Who registered what is kept for each tenant, its removal too.
        Assert.Equal(HttpStatusCode.NoContent, (await attacker.DeleteAsync($"api/stores/{storeId}", Cancel)).StatusCode);
        var audit = await attacker.GetFromJsonAsync<JsonElement>("api/stores/registrations", Cancel);
        Assert.Equal([("remove", "removed", fakeHostKey, "user@tenant-fake-host"), ("register", "registered", fakeHostKey, "user@tenant-fake-host")],
            audit.EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("outcome").GetString(), e.GetProperty("apiHost").GetString(),
                e.GetProperty("user").GetString())).ToArray());
        Assert.Equal(HttpStatusCode.OK, (await merchant.GetAsync($"api/stores/{storeId}", Cancel)).StatusCode);
    }

    /// <summary>Issue 11: every registration attempt sends our app's consumer key and secret to the address typed, so a tenant
    /// has 10 an hour; the 11th is a 429 with Retry-After, sent nowhere, while another tenant goes on.</summary>
    [Fact]
    public async Task An_eleventh_store_registration_attempt_in_an_hour_is_refused_with_429_and_Retry_After()
    {
        var tray = await NewTrayStoreAsync("391271");
        using var tenant = fixture.System.Client(fixture.System.Gateway, "tenant-registration-flood");
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await tenant.PostAsJsonAsync("api/stores", Form(tray, code: $"wrong-{i}"), Cancel)).StatusCode);
        using var simulator = fixture.System.Client(fixture.System.TraySimulator);
        var before = (await simulator.GetFromJsonAsync<JsonElement>("admin/stores/391271/stats", Cancel)).GetProperty("requests").GetInt32();

        var eleventh = await tenant.PostAsJsonAsync("api/stores", Form(tray), Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, eleventh.StatusCode);
        Assert.InRange(eleventh.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 3000, 3600);
        var problem = await eleventh.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("store.registration_rate_limited", problem.GetProperty("code").GetString());
        Assert.Contains("tentativas", problem.GetProperty("detail").GetString());
        Assert.Equal(before, (await simulator.GetFromJsonAsync<JsonElement>("admin/stores/391271/stats", Cancel)).GetProperty("requests").GetInt32());
        Assert.Empty((await tenant.GetFromJsonAsync<JsonElement>("api/stores", Cancel)).EnumerateArray());
        var audit = await tenant.GetFromJsonAsync<JsonElement>("api/stores/registrations", Cancel);
        Assert.Equal(10, audit.GetArrayLength());
        Assert.All(audit.EnumerateArray(), e => Assert.Equal("store.tray_refused_code", e.GetProperty("outcome").GetString()));

        using var other = fixture.System.Client(fixture.System.Gateway, "tenant-registration-other");
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync("api/stores", Form(tray), Cancel)).StatusCode);
    }

    private async Task<List<(string Host, string? Tenant, string? Reason, string Status)>> InboxAsync(string sellerId, string scopeId)
    {
        await using var connection = new NpgsqlConnection(fixture.System.Infrastructure.PostgresConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(
            "select api_host, tenant_id, reason, status from tray_connector.webhook_inbox where seller_id = $1 and scope_id = $2", connection);
        command.Parameters.Add(new() { Value = sellerId });
        command.Parameters.Add(new() { Value = scopeId });
        var rows = new List<(string, string?, string?, string)>();
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        while (await reader.ReadAsync(Cancel))
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3)));
        return rows;
    }

    private async Task<Dictionary<string, int>> DailyUseAsync(string storeId)
    {
        await using var connection = new NpgsqlConnection(fixture.System.Infrastructure.PostgresConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand("select api_host, sum(used)::int from tray_connector.tray_daily_use where store_id = $1 group by api_host", connection);
        command.Parameters.Add(new() { Value = storeId });
        var rows = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        while (await reader.ReadAsync(Cancel)) rows[reader.GetString(0)] = reader.GetInt32(1);
        return rows;
    }
}
