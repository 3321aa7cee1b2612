using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Stores;

namespace TrayBridge.TraySimulator.Tests;

public sealed class AuthTests
{
    [Fact]
    public async Task Exchanging_the_code_answers_201_with_tokens_for_3_hours_and_30_days_in_Sao_Paulo_time()
    {
        await using var tray = await TraySession.StartAsync();

        var response = await tray.ExchangeAsync();
        var body = await response.BodyAsync();

        Assert.Equal(201, (int)response.StatusCode);
        Json.HasFields(body, "code", "message", "access_token", "refresh_token", "date_expiration_access_token",
            "date_expiration_refresh_token", "date_activated", "api_host", "store_id");
        Json.AllScalarsAreStrings(body, except: "code");
        // 14:58:21 UTC is 11:58:21 in São Paulo, DEV21's own sample.
        Assert.Equal("2026-03-02 11:58:21", (string)body["date_activated"]!);
        Assert.Equal("2026-03-02 14:58:21", (string)body["date_expiration_access_token"]!);
        Assert.Equal("2026-04-01 11:58:21", (string)body["date_expiration_refresh_token"]!);
        Assert.Equal(tray.Store.ApiAddress, (string)body["api_host"]!);
        Assert.Equal(tray.Store.StoreId, (string)body["store_id"]!);
        Assert.StartsWith($"APP_ID-{tray.App.AppCode}-STORE_ID-{tray.Store.StoreId}-", (string)body["access_token"]!);
    }

    [Fact]
    public async Task With_IdsAsNumbers_store_id_and_the_ids_of_listings_are_JSON_numbers()
    {
        await using var tray = await TraySession.StartAsync(s => s.IdsAsNumbers = true, products: 1);

        var tokens = await tray.AuthorizeAsync();
        var product = (await tray.GetJsonAsync("products"))["Products"]![0]!["Product"]!.AsObject();

        Assert.Equal(long.Parse(tray.Store.StoreId), (long)tokens["store_id"]!);
        Assert.Equal(System.Text.Json.JsonValueKind.Number, product["id"]!.GetValueKind());
        Assert.Equal(System.Text.Json.JsonValueKind.String, product["name"]!.GetValueKind());
        Assert.Equal(System.Text.Json.JsonValueKind.String, tokens["access_token"]!.GetValueKind());
    }

    [Fact]
    public async Task Expired_token_gets_401_with_error_code_1000()
    {
        await using var tray = await TraySession.StartAsync();
        await tray.AuthorizeAsync();
        Assert.Equal(200, (int)(await tray.GetAsync("orders")).StatusCode);

        tray.Clock.Advance(TimeSpan.FromHours(3));
        var response = await tray.GetAsync("orders");
        var body = await response.BodyAsync();

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal(401, (int)body["code"]!);
        Assert.Equal("//orders", (string)body["url"]!);
        Assert.Equal("Unauthorized access", (string)body["name"]!);
        Assert.Equal(1000, (int)body["error_code"]!);
        Assert.Single(body["causes"]!.AsArray());
    }

    [Fact]
    public async Task Unknown_token_gets_401_with_error_code_1099()
    {
        await using var tray = await TraySession.StartAsync();

        var response = await tray.Http.GetAsync(tray.Api("products") + "?access_token=garbage", Test.Ct);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal(1099, (int)(await response.BodyAsync())["error_code"]!);
    }

    [Fact]
    public async Task A_refresh_gives_new_tokens_and_with_rotation_the_old_pair_stops_working()
    {
        await using var tray = await TraySession.StartAsync();
        var first = await tray.AuthorizeAsync();
        tray.Clock.Advance(TimeSpan.FromHours(2));

        var refreshed = await tray.Http.GetFromJsonAsync<JsonObject>($"{tray.Store.ApiAddress}/auth?refresh_token={first["refresh_token"]}", Test.Ct);

        Assert.Equal("Refreshed tokens", (string)refreshed!["message"]!);
        Assert.NotEqual((string)first["refresh_token"]!, (string)refreshed["refresh_token"]!);
        Assert.Equal("2026-03-02 16:58:21", (string)refreshed["date_expiration_access_token"]!);
        Assert.Equal(401, (int)(await tray.GetAsync("orders")).StatusCode);
        var again = await tray.Http.GetAsync($"{tray.Store.ApiAddress}/auth?refresh_token={first["refresh_token"]}", Test.Ct);
        Assert.Equal(401, (int)again.StatusCode);
        var fresh = await tray.Http.GetAsync($"{tray.Store.ApiAddress}/orders?access_token={refreshed["access_token"]}", Test.Ct);
        Assert.Equal(200, (int)fresh.StatusCode);
    }

    [Fact]
    public async Task Without_rotation_the_refresh_token_stays_and_keeps_its_30_day_end()
    {
        await using var tray = await TraySession.StartAsync();
        tray.Host.Admin.UpdateSettings(s => s with { RotateRefreshToken = false });
        var first = await tray.AuthorizeAsync();
        tray.Clock.Advance(TimeSpan.FromDays(29));

        var refreshed = await tray.Http.GetFromJsonAsync<JsonObject>($"{tray.Store.ApiAddress}/auth?refresh_token={first["refresh_token"]}", Test.Ct);
        Assert.Equal((string)first["refresh_token"]!, (string)refreshed!["refresh_token"]!);
        Assert.Equal((string)first["date_expiration_refresh_token"]!, (string)refreshed["date_expiration_refresh_token"]!);

        tray.Clock.Advance(TimeSpan.FromDays(1));
        var expired = await tray.Http.GetAsync($"{tray.Store.ApiAddress}/auth?refresh_token={first["refresh_token"]}", Test.Ct);
        Assert.Equal(401, (int)expired.StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_expires_after_30_days()
    {
        await using var tray = await TraySession.StartAsync();
        var tokens = await tray.AuthorizeAsync();

        tray.Clock.Advance(TimeSpan.FromDays(30));
        var response = await tray.Http.GetAsync($"{tray.Store.ApiAddress}/auth?refresh_token={tokens["refresh_token"]}", Test.Ct);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("Unauthorized access", (string)(await response.BodyAsync())["name"]!);
    }

    [Theory]
    [InlineData(StoreStatus.Blocked, 1001)]
    [InlineData(StoreStatus.Inactive, 1002)]
    [InlineData(StoreStatus.Cancelled, 1003)]
    public async Task A_store_that_is_not_active_gets_401_with_its_error_code(StoreStatus status, int errorCode)
    {
        await using var tray = await TraySession.StartAsync();
        await tray.AuthorizeAsync();

        tray.Host.Admin.SetStoreStatus(tray.Store.StoreId, status);
        var response = await tray.GetAsync("products");

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal(errorCode, (int)(await response.BodyAsync())["error_code"]!);
    }

    [Fact]
    public async Task A_wrong_code_or_secret_gets_401_with_Tray_error_body()
    {
        await using var tray = await TraySession.StartAsync();

        var badCode = await tray.ExchangeAsync(code: "0123");
        var body = await badCode.BodyAsync();

        Assert.Equal(401, (int)badCode.StatusCode);
        Assert.Equal("//auth", (string)body["url"]!);
        Assert.Contains("Código", (string)body["causes"]![0]!);
        var badSecret = await tray.Http.PostAsync($"{tray.Store.ApiAddress}/auth", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["consumer_key"] = tray.App.ConsumerKey, ["consumer_secret"] = "nope", ["code"] = tray.Store.Code,
        }), Test.Ct);
        Assert.Equal(401, (int)badSecret.StatusCode);
    }

    [Fact]
    public async Task A_used_code_can_be_exchanged_again_only_when_reuse_is_allowed()
    {
        await using var tray = await TraySession.StartAsync();
        Assert.Equal(201, (int)(await tray.ExchangeAsync()).StatusCode);
        Assert.Equal(201, (int)(await tray.ExchangeAsync()).StatusCode);

        tray.Host.Admin.UpdateSettings(s => s with { AllowCodeReuse = false });

        Assert.Equal(401, (int)(await tray.ExchangeAsync()).StatusCode);
        var fresh = tray.Host.Admin.NewCode(tray.Store.StoreId);
        Assert.Equal(201, (int)(await tray.ExchangeAsync(fresh)).StatusCode);
    }

    [Fact]
    public async Task A_JSON_body_on_auth_is_accepted_when_lenient_and_refused_when_strict()
    {
        await using var tray = await TraySession.StartAsync();
        var json = new JsonObject { ["consumer_key"] = tray.App.ConsumerKey, ["consumer_secret"] = tray.App.ConsumerSecret, ["code"] = tray.Store.Code };

        Assert.Equal(201, (int)(await tray.Http.PostAsJsonAsync($"{tray.Store.ApiAddress}/auth", json, Test.Ct)).StatusCode);

        tray.Host.Admin.UpdateSettings(s => s with { AuthAcceptsJson = false });
        Assert.Equal(400, (int)(await tray.Http.PostAsJsonAsync($"{tray.Store.ApiAddress}/auth", json, Test.Ct)).StatusCode);
    }
}
