using TrayBridge.TraySimulator.Settings;

namespace TrayBridge.TraySimulator.Tests;

public sealed class LimitTests
{
    [Fact]
    public async Task Over_the_per_minute_budget_a_call_gets_429_and_the_budget_comes_back_after_the_window()
    {
        await using var tray = await TraySession.StartAsync(s => s.PerMinuteLimit = 5);
        tray.Host.Admin.UpdateSettings(s => s with { RateLimitWindow = TimeSpan.FromSeconds(10) });
        await tray.AuthorizeAsync();
        for (var i = 0; i < 4; i++) Assert.Equal(200, (int)(await tray.GetAsync("products")).StatusCode);

        var refused = await tray.GetAsync("products");
        var body = await refused.BodyAsync();

        Assert.Equal(429, (int)refused.StatusCode);
        Assert.Equal(429, (int)body["code"]!);
        tray.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(200, (int)(await tray.GetAsync("products")).StatusCode);
        Assert.Equal(1, tray.Host.Admin.Stats(tray.Store.StoreId).Status429);
    }

    [Fact]
    public async Task The_daily_budget_is_per_store_and_resets_at_Sao_Paulo_midnight()
    {
        await using var tray = await TraySession.StartAsync();
        tray.Host.Admin.UpdateSettings(s => s with { DailyLimit = 3 });
        await tray.AuthorizeAsync();
        Assert.Equal(200, (int)(await tray.GetAsync("orders")).StatusCode);
        Assert.Equal(200, (int)(await tray.GetAsync("orders")).StatusCode);

        Assert.Equal(429, (int)(await tray.GetAsync("orders")).StatusCode);
        Assert.Equal(new Admin.DailyBudget(3, 3), tray.Host.Admin.Stats(tray.Store.StoreId).Daily);

        // The session starts at 11:58 in São Paulo; 03:00 UTC the next day is 00:00 there.
        tray.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 3, 3, 0, 0, TimeSpan.Zero));
        await tray.AuthorizeAsync();
        Assert.Equal(200, (int)(await tray.GetAsync("orders")).StatusCode);
    }

    [Fact]
    public async Task A_corporate_store_gets_the_larger_daily_budget()
    {
        await using var tray = await TraySession.StartAsync();

        var corporate = tray.Host.CreateStore(corporate: true);

        Assert.Equal(50_000, tray.Host.Admin.Stats(corporate.StoreId).Daily.Limit);
        Assert.Equal(10_000, tray.Host.Admin.Stats(tray.Store.StoreId).Daily.Limit);
    }

    [Fact]
    public async Task With_the_per_app_scope_two_stores_of_one_app_share_the_per_minute_budget()
    {
        await using var tray = await TraySession.StartAsync();
        tray.Host.Admin.UpdateSettings(s => s with { PerMinuteLimit = 2, RateLimitScope = RateLimitScope.PerApp });
        var other = tray.Host.CreateStore();
        await tray.AuthorizeAsync();
        var otherTokens = await (await tray.ExchangeAsync(other.Code, other.ApiAddress)).BodyAsync();

        Assert.Equal(200, (int)(await tray.GetAsync("orders")).StatusCode);
        Assert.Equal(200, (int)(await tray.GetAsync("orders")).StatusCode);
        var response = await tray.Http.GetAsync($"{other.ApiAddress}/orders?access_token={otherTokens["access_token"]}", Test.Ct);

        Assert.Equal(429, (int)response.StatusCode);
    }

    [Fact]
    public async Task A_limit_above_50_is_capped_when_lenient_and_refused_with_400_when_strict()
    {
        await using var tray = await TraySession.StartAsync(products: 3);
        await tray.AuthorizeAsync();

        var capped = await tray.GetJsonAsync("products", "limit=80");
        Assert.Equal(50, (int)capped["paging"]!["limit"]!);

        tray.Host.Admin.UpdateSettings(s => s with { RejectLimitAboveMax = true });
        Assert.Equal(400, (int)(await tray.GetAsync("products", "limit=80")).StatusCode);
    }
}
