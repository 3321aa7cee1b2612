using System.Globalization;
using System.Net;
using System.Text.Json;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Json;
using TrayBridge.TrayConnector.Tray;

namespace TrayBridge.TrayConnector.Features.Orders.Polling;

/// <summary>
/// Lists a store's orders whose <c>date</c> or <c>modified</c> falls on São Paulo days <c>from</c> to <c>to</c>, and says
/// when Tray misread the range. Its syntax <c>from,to</c> is not confirmed (tray-api.md §1.5) and a 200 does not prove it
/// was understood, so every answer is checked against what can be observed:
/// <list type="bullet">
/// <item>a 400: the range is refused;</item>
/// <item>an order outside the range: the range was ignored (or read wider) — listing on would page through every order;</item>
/// <item>no order after the first day: quiet days, or the range read as its first day only. One probe of the last day
/// alone (<c>limit=1</c>, one call) tells them apart: orders there that the range did not return mean the range hid them.
/// The last day is the one that matters — a poll lists yesterday and today, so it is the whole rest of the range.</item>
/// </list>
/// In each case the listing is done again one day at a time (the documented form; ERP code in production asks
/// <c>modified=aaaa-mm-dd</c>), and rows outside the range are never returned, whatever Tray answered.
/// </summary>
public sealed class OrderRangeListing(TrayApiClient tray)
{
    public async Task<OrderList> ListAsync(string tenantId, string storeId, string field, DateOnly from, DateOnly to, bool oneDayAtATime,
        CancellationToken cancellationToken)
    {
        if (oneDayAtATime || from == to) return new(await DayByDayAsync(tenantId, storeId, field, from, to, cancellationToken), null);
        var rows = new List<JsonElement>();
        DateRangeMisreading? misreading = null;
        try
        {
            await foreach (var row in tray.ListAllAsync(tenantId, storeId, $"orders?{field}={Day(from)},{Day(to)}", "Orders", "Order",
                               TrayPriority.Polling, cancellationToken))
            {
                // Evidence of an ignored range, found on the first page (oldest ids first): stop before paging through every order.
                // A row of the day after the last is not evidence: modified just past midnight, after "today" was taken.
                if (DayOf(row, field) is { } day && (day < from || day > to.AddDays(1)))
                {
                    misreading = DateRangeMisreading.Ignored;
                    break;
                }
                rows.Add(row.Clone());
            }
        }
        catch (TrayApiException e) when (e.Status == HttpStatusCode.BadRequest)
        {
            misreading = DateRangeMisreading.Refused;
        }
        if (misreading is null && !rows.Any(r => DayOf(r, field) > from) && await AnyOnAsync(tenantId, storeId, field, to, cancellationToken))
            misreading = DateRangeMisreading.FirstDayOnly;
        return misreading is null
            ? new(Within(rows, field, from, to), null)
            : new(await DayByDayAsync(tenantId, storeId, field, from, to, cancellationToken), misreading);
    }

    private async Task<List<JsonElement>> DayByDayAsync(string tenantId, string storeId, string field, DateOnly from, DateOnly to,
        CancellationToken cancellationToken)
    {
        var rows = new List<JsonElement>();
        for (var day = from; day <= to; day = day.AddDays(1))
            await foreach (var row in tray.ListAllAsync(tenantId, storeId, $"orders?{field}={Day(day)}", "Orders", "Order", TrayPriority.Polling,
                               cancellationToken))
                rows.Add(row.Clone());
        return Within(rows, field, from, to);
    }

    private async Task<bool> AnyOnAsync(string tenantId, string storeId, string field, DateOnly day, CancellationToken cancellationToken)
    {
        var page = await tray.GetAsync<JsonElement>(tenantId, storeId, $"orders?{field}={Day(day)}&limit=1", TrayPriority.Polling, cancellationToken);
        return page.List("Orders", "Order").Any(r => DayOf(r, field) == day);
    }

    // A row of another day (a filter read wider than asked) is not the window's: leaving it out keeps "no more, no less".
    private static List<JsonElement> Within(List<JsonElement> rows, string field, DateOnly from, DateOnly to) =>
        rows.Where(r => DayOf(r, field) is not { } day || (day >= from && day <= to)).ToList();

    /// <summary>The São Paulo day of a row's <c>date</c> (<c>aaaa-mm-dd</c>) or <c>modified</c> (<c>aaaa-mm-dd hh:mm:ss</c>).</summary>
    private static DateOnly? DayOf(JsonElement row, string field) =>
        row.Text(field) is { Length: >= 10 } text
        && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>An order listing: its rows, and how Tray misread the date range asked, if it did.</summary>
public sealed record OrderList(List<JsonElement> Rows, DateRangeMisreading? Misreading);

/// <summary>How a store's Tray answered a date range <c>from,to</c>: refused it (400), ignored it (orders outside it), or
/// read it as its first day only (orders on its last day that it did not return).</summary>
public enum DateRangeMisreading { Refused, Ignored, FirstDayOnly }
