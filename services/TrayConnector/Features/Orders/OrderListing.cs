using System.Globalization;
using System.Net;
using System.Text.Json;
using Marten;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Json;
using TrayBridge.TrayConnector.Tray;

namespace TrayBridge.TrayConnector.Features.Orders;

/// <summary>Lists a store's orders by a day filter and notes what the mirror lacks.</summary>
public sealed class OrderListing(IDocumentStore documents, TrayApiClient tray, TimeProvider time)
{
    /// <summary>The range syntax <c>from,to</c> is not confirmed (tray-api.md §1.5): when Tray refuses it, each day is listed alone.</summary>
    public async Task<List<JsonElement>> ListAsync(string tenantId, string storeId, string field, DateOnly from, DateOnly to,
        CancellationToken cancellationToken)
    {
        try
        {
            return await PagesAsync(tenantId, storeId, $"orders?{field}={Day(from)},{Day(to)}", cancellationToken);
        }
        catch (TrayApiException e) when (e.Status == HttpStatusCode.BadRequest && from != to)
        {
            var rows = new List<JsonElement>();
            for (var day = from; day <= to; day = day.AddDays(1))
                rows.AddRange(await PagesAsync(tenantId, storeId, $"orders?{field}={Day(day)}", cancellationToken));
            return rows;
        }
    }

    /// <summary>Stores the rows the mirror does not have yet from the list alone (shown at once, completed later), and
    /// returns the ids whose <c>/complete</c> must be read: new, never completed, or <c>modified</c> since.</summary>
    public async Task<List<string>> RecordNewAsync(string tenantId, string storeId, List<JsonElement> rows, CancellationToken cancellationToken)
    {
        var listed = rows.Where(r => r.Id("id") is not null).DistinctBy(r => r.Id("id")).ToList();
        await using var session = documents.LightweightSession(tenantId);
        var known = (await session.LoadManyAsync<MirroredOrder>(cancellationToken, listed.Select(r => MirroredOrder.IdFor(storeId, r.Id("id")!)).ToArray()))
            .ToDictionary(o => o.Id);
        var stale = new List<string>();
        foreach (var row in listed)
        {
            var id = row.Id("id")!;
            if (!known.TryGetValue(MirroredOrder.IdFor(storeId, id), out var mirrored))
                session.Insert(FromList(storeId, id, row));
            else if (mirrored.Complete && mirrored.Modified == row.Text("modified")) continue;
            stale.Add(id);
        }
        try { await session.SaveChangesAsync(cancellationToken); }
        catch (Exception e) when (WriteConflicts.IsConflict(e)) { }
        return stale.OrderBy(id => long.Parse(id, CultureInfo.InvariantCulture)).ToList();
    }

    private MirroredOrder FromList(string storeId, string id, JsonElement row)
    {
        return new MirroredOrder
        {
            Id = MirroredOrder.IdFor(storeId, id), StoreId = storeId, TrayOrderId = long.Parse(id, CultureInfo.InvariantCulture),
            PlacedDay = DayNumber.Parse(row.Text("date")) ?? 0, Total = row.Money("total"),
            Status = row.Text("status") ?? "", StatusId = row.Object("OrderStatus").Id("id"), Origin = OrderOrigin.Of(row),
            Cancelled = TrayOrderReading.IsCancelled(row.Object("OrderStatus"), row.Text("status")), UpdatedAt = time.GetUtcNow(),
        };
    }

    private async Task<List<JsonElement>> PagesAsync(string tenantId, string storeId, string path, CancellationToken cancellationToken)
    {
        var rows = new List<JsonElement>();
        await foreach (var row in tray.ListAllAsync(tenantId, storeId, path, "Orders", "Order", TrayPriority.Polling, cancellationToken))
            rows.Add(row.Clone());
        return rows;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
