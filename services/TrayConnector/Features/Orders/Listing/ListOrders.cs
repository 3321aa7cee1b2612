using TrayBridge.ServiceDefaults.Text;
using System.Globalization;
using Marten.Linq;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TrayConnector.Features.Stores;
using TrayBridge.TrayConnector.Domain;
using TrayBridge.TrayConnector.Features.Orders.Mirror;

namespace TrayBridge.TrayConnector.Features.Orders.Listing;

/// <summary><c>GET /api/tray/orders</c>, served from the mirror. Status is matched as Tray's text or id, the customer as
/// a folded substring, days as São Paulo days; the situation counts (the seed's cards) are per store, before filters.</summary>
public static class ListOrders
{
    public static async Task<Results<Ok<TrayOrderPage>, ValidationProblem, ProblemHttpResult>> HandleAsync([AsParameters] OrderListQuery query, IDocumentStore documents, TenantContext tenant,
        CancellationToken cancellationToken)
    {
        if (query.Validate() is { Count: > 0 } errors) return Problems.Validation(errors);
        await using var session = documents.QuerySession(tenant.Require());
        if (await session.LoadAsync<TrayStore>(query.StoreId!, cancellationToken) is null) return TrayProblems.StoreNotFound();

        var page = query.Page ?? 1;
        var size = query.PageSize ?? 50;
        var filtered = Filter(session.Query<MirroredOrder>().Where(o => o.StoreId == query.StoreId), query);
        var total = await filtered.CountAsync(cancellationToken);
        // The page's ids first (an index-only scan, however deep the page), then only those documents.
        var ids = await filtered.OrderByDescending(o => o.TrayOrderId).Select(o => o.Id).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        var loaded = (await session.LoadManyAsync<MirroredOrder>(cancellationToken, ids)).ToDictionary(o => o.Id);
        var rows = ids.Select(loaded.GetValueOrDefault).OfType<MirroredOrder>().ToList();
        var situations = await SituationCountsAsync(session, documents, query.StoreId!, cancellationToken);
        // The page's dispatches and cancellations (same natural key) in one query each (at most a page of ids): each row shows its own.
        var shipmentIds = rows.Select(o => ShipmentDelivery.IdFor(o.StoreId, o.TrayOrderId.ToString(CultureInfo.InvariantCulture))).ToArray();
        var shipments = (await session.LoadManyAsync<ShipmentDelivery>(cancellationToken, shipmentIds)).ToDictionary(d => d.TrayOrderId);
        var cancellations = (await session.LoadManyAsync<OrderCancellation>(cancellationToken, shipmentIds)).ToDictionary(c => c.TrayOrderId);
        return TypedResults.Ok(new TrayOrderPage(rows.Select(o => ToRow(o) with
        {
            Shipment = shipments.GetValueOrDefault(o.TrayOrderId.ToString(CultureInfo.InvariantCulture))?.View(),
            Cancellation = cancellations.GetValueOrDefault(o.TrayOrderId.ToString(CultureInfo.InvariantCulture))?.View(),
        }).ToList(), page, size, total, situations));
    }

    /// <summary>The cards: every situation of the store counted in one pass over the list's index (see <see cref="MirroredOrderSchema"/>).
    /// SQL because LINQ here cannot group; the tenant is stated, as raw SQL bypasses Marten's tenant filter.</summary>
    private static async Task<Dictionary<string, int>> SituationCountsAsync(IQuerySession session, IDocumentStore documents, string storeId,
        CancellationToken cancellationToken)
    {
        var table = documents.Options.FindOrResolveDocumentType(typeof(MirroredOrder)).TableName.QualifiedName;
        var json = (await session.QueryAsync<string>(
            $"select coalesce(jsonb_object_agg(situation, n), '{{}}')::text from (select situation, count(*) as n from {table} where tenant_id = ? and store_id = ? group by situation) c",
            cancellationToken, session.TenantId, storeId)).Single();
        var counts = System.Text.Json.JsonSerializer.Deserialize<Dictionary<int, int>>(json) ?? [];
        return OrderListQuery.Labels.ToDictionary(l => l.Value, l => counts.GetValueOrDefault((int)l.Key));
    }

    private static IQueryable<MirroredOrder> Filter(IQueryable<MirroredOrder> orders, OrderListQuery query)
    {
        if (query.Status is { Length: > 0 } status)
            orders = long.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out _)
                ? orders.Where(o => o.StatusId == status)
                : orders.Where(o => o.Status.Equals(status.Trim(), StringComparison.OrdinalIgnoreCase));
        if (query.Customer is { Length: > 0 } customer)
        {
            var folded = TextFolding.Fold(customer.Trim());
            orders = orders.Where(o => o.CustomerSearch.Contains(folded));
        }
        if (query.FromDay is { } from) orders = orders.Where(o => o.PlacedDay >= from);
        if (query.ToDay is { } to) orders = orders.Where(o => o.PlacedDay <= to);
        if (query.SituationValue is { } situation) orders = orders.Where(o => o.Situation == situation);
        if (query.Origin is { Length: > 0 } origin) orders = orders.Where(o => o.Origin.Equals(origin.Trim(), StringComparison.OrdinalIgnoreCase));
        return orders;
    }

    private static TrayOrderRow ToRow(MirroredOrder o) => new(o.TrayOrderId.ToString(CultureInfo.InvariantCulture),
        DayNumber.Format(o.PlacedDay), o.PlacedAt, o.CustomerName,
        o.Total, o.Status, o.StatusId, o.Cancelled, o.Origin, OrderListQuery.Labels[o.Situation], o.Reason, o.SalesOrderId, ReadyForNfe: null, o.Complete,
        o.Reason is null ? null : o.ReasonCode ?? OrderReasonCodes.ImportFailed);
}
