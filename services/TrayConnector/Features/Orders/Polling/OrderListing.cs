using System.Globalization;
using System.Text.Json;
using Marten;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Tray.Json;
using TrayBridge.TrayConnector.Domain;
using TrayBridge.TrayConnector.Features.Orders.Mirror;

namespace TrayBridge.TrayConnector.Features.Orders.Polling;

/// <summary>Notes what the mirror lacks from a listing of a store's orders (<see cref="OrderRangeListing"/>).</summary>
public sealed class OrderListing(IDocumentStore documents, TimeProvider time)
{
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
}
