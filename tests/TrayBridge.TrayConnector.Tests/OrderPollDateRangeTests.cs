using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using TrayBridge.Api.Tray;
using TrayBridge.TestSupport;
using TrayBridge.TrayConnector.Features.Orders;
using TrayBridge.TraySimulator.Admin;
using TrayBridge.TraySimulator.Seeding;
using TrayBridge.TraySimulator.Settings;
using TrayBridge.TrayConnector.Domain;
using TrayBridge.TrayConnector.Features.Orders.Polling;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>
/// Polling against each way Tray may read a date range <c>from,to</c> (tray-api.md §1.5: the syntax is UNCONFIRMED): as a
/// range, refused (400), ignored (200, every order) or read as its first day only (200). Store A is connected with the
/// reading in force (its backfill by <c>date</c> meets it); store B was connected and back-filled before, so its regular
/// poll by <c>modified</c> meets it. Each store has an order of twenty days ago that no window holds, one placed three days
/// ago and one today; in every reading the mirror ends with exactly the orders of the window, no more, no less, and a store
/// whose Tray misread a range is asked one day at a time from then on.
/// </summary>
public sealed class OrderPollDateRangeTests : IAsyncDisposable
{
    private const string Tenant = "tenant-date-ranges";
    private ConnectorHarness? _harness;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private sealed record TrayStoreOrders(CreatedStore Store, string Old, string ThreeDaysAgo, string Today);

    [Theory]
    [InlineData(DateRangeSyntax.CommaRange, null)]
    [InlineData(DateRangeSyntax.SingleDayOnly, DateRangeMisreading.Refused)]
    [InlineData(DateRangeSyntax.IgnoresRange, DateRangeMisreading.Ignored)]
    [InlineData(DateRangeSyntax.FirstDayOnly, DateRangeMisreading.FirstDayOnly)]
    public async Task The_poll_mirrors_exactly_the_orders_of_its_window_however_Tray_reads_a_date_range(DateRangeSyntax reading,
        DateRangeMisreading? expected)
    {
        var harness = _harness = await ConnectorHarness.StartAsync(window: TimeSpan.FromSeconds(1), perWindow: 100,
            extraSettings: new Dictionary<string, string?> { ["Tray:Orders:PollInterval"] = "00:00:01", ["Tray:Orders:BackfillDays"] = "10" });
        var olds = new[] { "592001", "592002" }.Select(id => (Id: id, Store: harness.Simulator.CreateStore(id, products: 3),
            Old: harness.Simulator.Admin.CreateOrder(id).ToString(CultureInfo.InvariantCulture))).ToList();
        harness.Clock.Advance(TimeSpan.FromDays(20));
        var now = harness.Clock.GetUtcNow();
        var (a, b) = (Orders(olds[0].Store, olds[0].Old, now), Orders(olds[1].Store, olds[1].Old, now));

        await RegisterAsync(b.Store);
        await BackfilledAsync(b, "B under a range read as a range");
        Assert.Null((await StateAsync(b))!.DateRangeMisreading);
        harness.Simulator.Admin.UpdateSettings(s => s with { DateRangeFilter = reading });
        await RegisterAsync(a.Store);
        await BackfilledAsync(a, $"A under {reading}");
        var states = new[] { (await StateAsync(a))!, await Eventually.ReturnsAsync(() => StateAsync(b),
            s => expected is null || s!.DateRangeMisreading is not null, Patience, $"B's poll under {reading}") };
        Assert.All(states, s => Assert.Equal(expected, s!.DateRangeMisreading));
        using (var client = harness.Client(Tenant))
        {
            var view = await client.GetFromJsonAsync<VirtualStore>($"api/stores/{a.Store.StoreId}", Cancel);
            Assert.Equal(expected is null ? StoreOrderDateQueries.Range : StoreOrderDateQueries.OneDayAtATime, view!.OrderDateQueries);
            Assert.Equal(expected is null, view.OrderDateQueriesSince is null);
        }
        var mark = new[] { a, b }.ToDictionary(s => s.Store.StoreId, s => harness.Simulator.Admin.Stats(s.Store.StoreId).Requests);

        var added = new[] { a, b }.ToDictionary(s => s.Store.StoreId,
            s => harness.Simulator.Admin.CreateOrder(s.Store.StoreId).ToString(CultureInfo.InvariantCulture));
        foreach (var store in new[] { a, b })
        {
            string[] window = [store.ThreeDaysAgo, store.Today, added[store.Store.StoreId]];
            await Eventually.ReturnsAsync(() => MirrorAsync(store.Store.StoreId), rows => rows.Count(r => r.Complete) == 3,
                Patience, $"the new order of {store.Store.StoreId} under {reading}");
            await Task.Delay(TimeSpan.FromSeconds(3), Cancel); // more polls: the old order must not come in with any of them
            Assert.Equal(window.Order(), (await MirrorAsync(store.Store.StoreId)).Select(r => r.Id).Order());
            var since = harness.Simulator.Admin.RequestsAfter(store.Store.StoreId, mark[store.Store.StoreId])!
                .Where(r => r.Path.Contains("orders?", StringComparison.Ordinal)).Select(r => r.Path).ToList();
            // Remembered: once misread, never asked for a range again; read as a range, still asked for one.
            if (expected is null) Assert.Contains(since, p => p.Contains("modified=", StringComparison.Ordinal) && p.Contains(',', StringComparison.Ordinal));
            else Assert.DoesNotContain(since, p => p.Contains(',', StringComparison.Ordinal));
        }
    }

    private TrayStoreOrders Orders(CreatedStore store, string old, DateTimeOffset now)
    {
        var admin = _harness!.Simulator.Admin;
        return new(store, old, admin.CreateOrder(store.StoreId, new OrderRecipe { PlacedAt = now.AddDays(-3) }).ToString(CultureInfo.InvariantCulture),
            admin.CreateOrder(store.StoreId, new OrderRecipe()).ToString(CultureInfo.InvariantCulture));
    }

    private async Task RegisterAsync(CreatedStore tray)
    {
        using var client = _harness!.Client(Tenant);
        var created = await client.PostAsJsonAsync("api/stores",
            new { platform = "TrayCommerce", storeId = tray.StoreId, apiAddress = tray.ApiAddress, code = tray.Code }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    private async Task BackfilledAsync(TrayStoreOrders store, string what)
    {
        await Eventually.ReturnsAsync(async () => (await StateAsync(store))?.BackfillDone == true
            && (await MirrorAsync(store.Store.StoreId)).Count(r => r.Complete) == 2, done => done, Patience, $"the backfill of {what}");
        Assert.Equal(new[] { store.ThreeDaysAgo, store.Today }.Order(), (await MirrorAsync(store.Store.StoreId)).Select(r => r.Id).Order());
    }

    private async Task<OrderPollState?> StateAsync(TrayStoreOrders store)
    {
        await using var scope = _harness!.Scope();
        await using var session = scope.ServiceProvider.GetRequiredService<IDocumentStore>().QuerySession(Tenant);
        return await session.LoadAsync<OrderPollState>(store.Store.StoreId, Cancel);
    }

    private async Task<List<(string Id, bool Complete)>> MirrorAsync(string storeId)
    {
        using var client = _harness!.Client(Tenant);
        var page = await client.GetFromJsonAsync<JsonElement>($"api/tray/orders?storeId={storeId}&pageSize=100", Cancel);
        return page.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("trayOrderId").GetString()!, i.GetProperty("complete").GetBoolean())).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null) await _harness.DisposeAsync();
    }
}
