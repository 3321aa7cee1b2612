using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Settings;

namespace TrayBridge.TraySimulator.Tests;

/// <summary><c>GET /orders</c> filters and sorting as an importer uses them (tray-api.md §1.5, §4.2).</summary>
public sealed class OrderListTests
{
    // TraySession.Start is 2026-03-02 11:58 in São Paulo; one order a day, the last at 22:58 São Paulo (01:58 UTC next day).
    private static async Task<(TraySession Tray, long[] Ids)> ThreeDaysOfOrdersAsync(Action<SimulatorSettings>? configure = null)
    {
        var tray = await TraySession.StartAsync(configure, products: 3);
        var ids = new long[3];
        for (var day = 0; day < 3; day++)
        {
            if (day == 2) tray.Clock.Advance(TimeSpan.FromHours(11));
            ids[day] = tray.Host.Admin.CreateOrder(tray.Store.StoreId, "A ENVIAR", day == 1 ? "Shopee" : null);
            tray.Clock.Advance(TimeSpan.FromDays(1));
        }
        await tray.AuthorizeAsync();
        return (tray, ids);
    }

    private static async Task<long[]> IdsAsync(TraySession tray, string query) =>
        [.. (await tray.GetJsonAsync("orders", query))["Orders"]!.AsArray().Select(o => long.Parse((string)o!["Order"]!["id"]!))];

    [Fact]
    public async Task Date_and_modified_take_a_Sao_Paulo_day_or_an_inclusive_comma_range()
    {
        var (tray, ids) = await ThreeDaysOfOrdersAsync();
        await using var _ = tray;

        Assert.Equal([ids[0]], await IdsAsync(tray, "date=2026-03-02"));
        Assert.Equal([ids[2]], await IdsAsync(tray, "date=2026-03-04"));
        Assert.Equal([ids[1], ids[2]], await IdsAsync(tray, "date=2026-03-03,2026-03-04"));
        Assert.Equal(ids, await IdsAsync(tray, "modified=2026-03-02,2026-03-04"));
        Assert.Empty(await IdsAsync(tray, "modified=2026-03-05,2026-03-31"));
        var applied = (await tray.GetJsonAsync("orders", "modified=2026-03-02,2026-03-03"))["appliedFilters"]!;
        Assert.Equal("2026-03-02,2026-03-03", (string)applied["modified"]!);
        Assert.Equal(400, (int)(await tray.GetAsync("orders", "date=02/03/2026")).StatusCode);
    }

    [Fact]
    public async Task With_single_day_only_a_range_is_answered_400_with_Tray_error_body()
    {
        var (tray, ids) = await ThreeDaysOfOrdersAsync(s => s.DateRangeFilter = DateRangeSyntax.SingleDayOnly);
        await using var _ = tray;

        var refused = await tray.GetAsync("orders", "modified=2026-03-02,2026-03-04");
        var body = await refused.BodyAsync();

        Assert.Equal(400, (int)refused.StatusCode);
        Assert.Equal((400, "//orders", "Bad Request"), ((int)body["code"]!, (string)body["url"]!, (string)body["name"]!));
        Assert.Contains("modified", (string)body["causes"]![0]!);
        Assert.Equal([ids[1]], await IdsAsync(tray, "modified=2026-03-03"));
        tray.Host.Admin.UpdateSettings(s => s with { DateRangeFilter = DateRangeSyntax.CommaRange });
        Assert.Equal(ids, await IdsAsync(tray, "modified=2026-03-02,2026-03-04"));
    }

    [Fact]
    public async Task A_range_can_also_be_answered_200_with_the_filter_ignored_or_read_as_its_first_day_only()
    {
        var (tray, ids) = await ThreeDaysOfOrdersAsync(s => s.DateRangeFilter = DateRangeSyntax.IgnoresRange);
        await using var _ = tray;

        Assert.Equal(ids, await IdsAsync(tray, "modified=2026-03-03,2026-03-04"));
        Assert.Equal(ids, await IdsAsync(tray, "date=2026-03-05,2026-03-31"));
        Assert.Equal([ids[1]], await IdsAsync(tray, "modified=2026-03-03")); // one day is still a filter
        Assert.Equal(400, (int)(await tray.GetAsync("orders", "date=02/03/2026,03/03/2026")).StatusCode);
        tray.Host.Admin.UpdateSettings(s => s with { DateRangeFilter = DateRangeSyntax.FirstDayOnly });
        Assert.Equal([ids[1]], await IdsAsync(tray, "modified=2026-03-03,2026-03-04"));
        Assert.Equal([ids[0]], await IdsAsync(tray, "date=2026-03-02,2026-03-04"));
        Assert.Equal([ids[2]], await IdsAsync(tray, "date=2026-03-04"));
    }

    [Fact]
    public async Task Orders_filter_by_id_customer_point_of_sale_and_status_text_and_sort_by_id_or_modified_descending()
    {
        var (tray, ids) = await ThreeDaysOfOrdersAsync();
        await using var _ = tray;
        var customer = (string)(await tray.GetJsonAsync($"orders/{ids[2]}"))["Order"]!["customer_id"]!;
        await tray.PutJsonAsync($"orders/{ids[0]}", new JsonObject { ["Order"] = new JsonObject { ["status_id"] = "17" } });

        Assert.Equal([ids[1]], await IdsAsync(tray, $"id={ids[1]}"));
        Assert.Equal([ids[2]], await IdsAsync(tray, $"customer_id={customer}"));
        Assert.Equal([ids[1]], await IdsAsync(tray, "point_sale=SHOPEE"));
        Assert.Equal([ids[0], ids[2]], await IdsAsync(tray, "point_sale=LOJA%20VIRTUAL"));
        Assert.Equal([ids[0]], await IdsAsync(tray, "status=ENVIADO"));
        Assert.Equal([ids[1], ids[2]], await IdsAsync(tray, "status=A%20ENVIAR"));
        Assert.Equal([ids[2], ids[1], ids[0]], await IdsAsync(tray, "sort=id_desc"));
        // The first order changed last.
        Assert.Equal([ids[0], ids[2], ids[1]], await IdsAsync(tray, "sort=modified_desc"));
        Assert.Equal("""[{"modified":"desc"}]""", (await tray.GetJsonAsync("orders", "sort=modified_desc"))["sort"]!.ToJsonString());
    }
}
