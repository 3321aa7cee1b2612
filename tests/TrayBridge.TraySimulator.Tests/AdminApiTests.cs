using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Gateway;

namespace TrayBridge.TraySimulator.Tests;

/// <summary>The /admin contract, over HTTP, as the connector's tests and build scripts use it.</summary>
public sealed class AdminApiTests
{
    [Fact]
    public async Task Apps_stores_codes_seeding_and_orders_are_created_through_admin()
    {
        await using var tray = await TraySession.StartAsync();
        var http = tray.Http;

        var app = await (await http.PostAsJsonAsync("admin/apps", new { consumerKey = "traybridge-dev", consumerSecret = "s3cret" }, Test.Ct)).BodyAsync();
        var again = await http.PostAsJsonAsync("admin/apps", new { consumerKey = "traybridge-dev", consumerSecret = "s3cret" }, Test.Ct);
        var storeResponse = await http.PostAsJsonAsync("admin/stores", new { storeId = "391250", corporate = true, products = 2, orders = 3 }, Test.Ct);
        var store = await storeResponse.BodyAsync();
        var code = await (await http.PostAsync("admin/stores/391250/codes", null, Test.Ct)).BodyAsync();
        var seeded = await http.PostAsJsonAsync("admin/stores/391250/seed", new { products = 1, orders = 2 }, Test.Ct);
        var order = await (await http.PostAsJsonAsync("admin/stores/391250/orders", new { status = "A ENVIAR", marketplace = "Amazon" }, Test.Ct)).BodyAsync();

        Assert.Equal(("traybridge-dev", "s3cret"), ((string)app["consumerKey"]!, (string)app["consumerSecret"]!));
        Assert.NotNull(app["appCode"]);
        Assert.Equal(201, (int)again.StatusCode);
        Assert.Equal(201, (int)storeResponse.StatusCode);
        Assert.Equal($"{tray.Host.BaseAddress}391250/web_api", (string)store["apiAddress"]!);
        Assert.Matches("^[0-9a-f]{64}$", (string)store["code"]!);
        Assert.NotEqual((string)store["code"]!, (string)code["code"]!);
        Assert.Equal(200, (int)seeded.StatusCode);
        Assert.Equal(50_000, tray.Host.Admin.Stats("391250").Daily.Limit);
        var token = await (await http.PostAsync("391250/web_api/auth", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["consumer_key"] = "traybridge-dev", ["consumer_secret"] = "s3cret", ["code"] = (string)code["code"]!,
        }), Test.Ct)).BodyAsync();
        var orders = await http.GetFromJsonAsync<JsonObject>($"391250/web_api/orders?access_token={token["access_token"]}", Test.Ct);
        Assert.Equal(6, (int)orders!["paging"]!["total"]!);
        var amazon = await http.GetFromJsonAsync<JsonObject>($"391250/web_api/orders/{order["id"]}/complete?access_token={token["access_token"]}", Test.Ct);
        Assert.Equal("15.436.940/0001-03", (string)amazon!["Order"]!["MarketplaceOrder"]![0]!["MarketplaceOrder"]!["marketplace_document"]!);
        Assert.Matches("^[0-9]{9}$", (string)amazon["Order"]!["MarketplaceOrder"]![0]!["MarketplaceOrder"]!["marketplace_seller_id"]!);
        // As Tray's often are: the marketplace order without the seller's id there (the NF-e's idCadIntTran).
        var bare = await (await http.PostAsJsonAsync("admin/stores/391250/orders", new { marketplace = "Shopee", withoutSellerId = true }, Test.Ct)).BodyAsync();
        var nativeBare = await (await http.PostAsJsonAsync("admin/stores/391250/orders", new { marketplace = "Mercado Livre Native", withoutSellerId = true }, Test.Ct)).BodyAsync();
        var shopee = await http.GetFromJsonAsync<JsonObject>($"391250/web_api/orders/{bare["id"]}/complete?access_token={token["access_token"]}", Test.Ct);
        var native = await http.GetFromJsonAsync<JsonObject>($"391250/web_api/orders/{nativeBare["id"]}/complete?access_token={token["access_token"]}", Test.Ct);
        Assert.Equal(("", "35.635.824/0001-12"), ((string)shopee!["Order"]!["MarketplaceOrder"]![0]!["MarketplaceOrder"]!["marketplace_seller_id"]!,
            (string)shopee["Order"]!["MarketplaceOrder"]![0]!["MarketplaceOrder"]!["marketplace_document"]!));
        Assert.Equal("", (string)native!["Order"]!["MlOrder"]![0]!["MlOrder"]!["user_id"]!);
    }

    [Fact]
    public async Task Stats_and_the_request_log_count_calls_and_never_show_the_access_token()
    {
        await using var tray = await TraySession.StartAsync();
        await tray.AuthorizeAsync();
        await tray.GetAsync("orders", "status=A%20ENVIAR");
        await tray.GetAsync("nothing-here");

        var stats = await tray.Http.GetFromJsonAsync<JsonObject>($"admin/stores/{tray.Store.StoreId}/stats", Test.Ct);
        var log = await tray.Http.GetFromJsonAsync<JsonArray>($"admin/stores/{tray.Store.StoreId}/requests?last=2", Test.Ct);
        var afterFirst = await tray.Http.GetFromJsonAsync<JsonArray>($"admin/stores/{tray.Store.StoreId}/requests?after=1", Test.Ct);
        var afterAll = await tray.Http.GetFromJsonAsync<JsonArray>($"admin/stores/{tray.Store.StoreId}/requests?after=3", Test.Ct);

        Assert.Equal(3, (int)stats!["requests"]!);
        Assert.Equal(2, (int)stats["byMethod"]!["GET"]!);
        Assert.Equal(3, (int)stats["daily"]!["used"]!);
        Assert.Equal(10_000, (int)stats["daily"]!["limit"]!);
        Assert.Equal(2, log!.Count);
        Assert.Equal($"/{tray.Store.StoreId}/web_api/orders?status=A ENVIAR", (string)log[0]!["path"]!);
        Assert.Equal(404, (int)log[1]!["status"]!);
        Assert.Equal(log.ToJsonString(), afterFirst!.ToJsonString());
        Assert.Empty(afterAll!);
        Assert.DoesNotContain("access_token", log.ToJsonString());
        Assert.DoesNotContain(tray.AccessToken!, log.ToJsonString());
    }

    [Fact]
    public void The_calls_after_a_count_are_refused_once_some_of_them_are_no_longer_kept()
    {
        var log = new RequestLog();
        for (var i = 1; i <= RequestLog.Kept + 1; i++) log.Add(new LoggedRequest(DateTimeOffset.UnixEpoch, "GET", $"/{i}", 200));

        Assert.Null(log.After(0));
        Assert.Equal(RequestLog.Kept, log.After(1)!.Count);
        Assert.Equal("/1001", Assert.Single(log.After(RequestLog.Kept)!).Path);
    }

    [Fact]
    public async Task The_clock_advances_through_admin_and_expires_tokens()
    {
        await using var tray = await TraySession.StartAsync();
        await tray.AuthorizeAsync();

        var advanced = await tray.Http.PostAsJsonAsync("admin/clock/advance", new { by = "03:10:00" }, Test.Ct);
        var clock = await tray.Http.GetFromJsonAsync<JsonObject>("admin/clock", Test.Ct);

        Assert.Equal(200, (int)advanced.StatusCode);
        Assert.Equal(TraySession.Start.AddMinutes(190), DateTimeOffset.Parse((string)clock!["now"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1000, (int)(await (await tray.GetAsync("orders")).BodyAsync())["error_code"]!);
        Assert.Equal(200, (int)(await tray.Http.PostAsJsonAsync("admin/clock/advance", new { by = "1.00:00:00" }, Test.Ct)).StatusCode);
    }

    [Fact]
    public async Task Settings_faults_webhooks_and_store_status_are_set_through_admin()
    {
        await using var tray = await TraySession.StartAsync();
        await tray.AuthorizeAsync();

        var settings = await (await tray.Http.PutAsJsonAsync("admin/settings", new { perMinuteLimit = 100, stockDecrement = "OnPayment" }, Test.Ct)).BodyAsync();
        var unknown = await tray.Http.PutAsJsonAsync("admin/settings", new { noSuchSetting = 1 }, Test.Ct);
        var faults = await tray.Http.PutAsJsonAsync("admin/faults", new { error500Share = 1.0 }, Test.Ct);
        var failing = await tray.GetAsync("orders");
        var cleared = await tray.Http.DeleteAsync("admin/faults", Test.Ct);
        var webhooks = await tray.Http.PutAsJsonAsync("admin/webhooks", new { url = "http://127.0.0.1:9/webhooks", duplicateShare = 0.5 }, Test.Ct);
        var blocked = await tray.Http.PutAsJsonAsync($"admin/stores/{tray.Store.StoreId}/status", new { status = "blocked" }, Test.Ct);

        Assert.Equal(100, (int)settings["perMinuteLimit"]!);
        Assert.Equal("OnPayment", (string)settings["stockDecrement"]!);
        Assert.Equal(100, tray.Host.Admin.Settings.PerMinuteLimit);
        Assert.Equal(400, (int)unknown.StatusCode);
        Assert.Equal((200, 500, 204), ((int)faults.StatusCode, (int)failing.StatusCode, (int)cleared.StatusCode));
        Assert.Equal(200, (int)webhooks.StatusCode);
        Assert.Equal(200, (int)blocked.StatusCode);
        Assert.Equal(1001, (int)(await (await tray.GetAsync("orders")).BodyAsync())["error_code"]!);
        Assert.Equal(404, (int)(await tray.Http.PutAsJsonAsync("admin/stores/999/status", new { status = "active" }, Test.Ct)).StatusCode);
    }

    [Fact]
    public async Task Secrets_lists_every_code_and_token_ever_issued_for_the_store_replaced_ones_included()
    {
        await using var tray = await TraySession.StartAsync();
        var first = await tray.AuthorizeAsync();
        var refreshed = await tray.Http.GetFromJsonAsync<JsonObject>($"{tray.Store.ApiAddress}/auth?refresh_token={first["refresh_token"]}", Test.Ct);
        var second = await (await tray.Http.PostAsync($"admin/stores/{tray.Store.StoreId}/codes", null, Test.Ct)).BodyAsync();

        var secrets = await tray.Http.GetFromJsonAsync<JsonObject>($"admin/stores/{tray.Store.StoreId}/secrets", Test.Ct);

        Assert.Equal(new[] { tray.Store.Code, (string)second["code"]! }.Order(), Strings(secrets!["codes"]!).Order());
        Assert.Equal([(string)first["access_token"]!, (string)refreshed!["access_token"]!], Strings(secrets["accessTokens"]!));
        Assert.Equal([(string)first["refresh_token"]!, (string)refreshed["refresh_token"]!], Strings(secrets["refreshTokens"]!));
        Assert.Equal(404, (int)(await tray.Http.GetAsync("admin/stores/999/secrets", Test.Ct)).StatusCode);
    }

    private static string[] Strings(JsonNode array) => [.. array.AsArray().Select(n => (string)n!)];
}
