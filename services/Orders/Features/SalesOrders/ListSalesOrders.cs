using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Orders;
using TrayBridge.Orders.Domain;
using TrayBridge.Orders.Features.Search;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Orders.Features.SalesOrders;

/// <summary><c>GET /api/orders/sales-orders</c>: a page of the tenant's sales orders, newest first, and the cards —
/// how many orders each situation has under the same filters but the situation's, so a card's number is what
/// clicking it lists.</summary>
public static class ListSalesOrders
{
    private static readonly string CustomerSql = NameSearch.Sql(SalesOrderSchema.CustomerNameColumn, "d.data->'Customer'->'TaxId'->>'Value'");
    private static readonly string CustomerNameSql = NameSearch.NameSql(SalesOrderSchema.CustomerNameColumn);

    public static async Task<Results<Ok<SalesOrderPage>, ValidationProblem>> HandleAsync([AsParameters] SalesOrderListQuery filter,
        IDocumentStore documents, TenantContext tenant, CancellationToken cancellationToken)
    {
        if (filter.Validate() is { Count: > 0 } errors) return Problems.Validation(errors);
        await using var session = documents.QuerySession(tenant.Require());

        // A count per status under every other filter: the cards, and the total of those the status filters keep.
        var counts = new Dictionary<SalesOrderStatus, int>();
        foreach (var status in Enum.GetValues<SalesOrderStatus>())
            counts[status] = await Filtered(session, filter).CountAsync(o => o.Status == status, cancellationToken);
        var kept = counts.Keys.Where(s => (filter.StatusValue ?? s) == s && (filter.SituationValue ?? s) == s).ToArray();
        var total = kept.Sum(s => counts[s]);
        var cards = SalesOrderSituations.All.ToDictionary(code => code, code => counts[SalesOrderStatusLabels.FromSituation(code)!.Value]);

        // A page past the end is empty but still tells the total, so the screen can offer the last page.
        var skip = (long)(filter.PageNumber - 1) * filter.Size;
        if (skip >= total) return TypedResults.Ok(new SalesOrderPage([], filter.PageNumber, filter.Size, total, cards));
        var listed = Filtered(session, filter);
        if (kept.Length < counts.Count) listed = listed.Where(o => o.Status.IsOneOf(kept));
        var rows = await listed.OrderByDescending(o => o.PlacedAt).ThenBy(o => o.Id).Skip((int)skip).Take(filter.Size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new SalesOrderPage([.. rows.Select(SalesOrderViews.Summary)], filter.PageNumber, filter.Size, total, cards));
    }

    /// <summary>Every filter but the situation's.</summary>
    private static IQueryable<SalesOrder> Filtered(IQuerySession session, SalesOrderListQuery filter)
    {
        var query = session.Query<SalesOrder>().AsQueryable();
        if (filter.StoreId is { } storeId) query = query.Where(o => o.StoreId == storeId);
        // A name alone is matched inside the list's index; only a text that could be a CPF/CNPJ also reads the documents.
        if (!string.IsNullOrWhiteSpace(filter.Customer))
            query = NameSearch.CouldBeTaxId(filter.Customer)
                ? query.Where(o => o.MatchesSql(CustomerSql, NameSearch.Pattern(filter.Customer), NameSearch.TaxIdText(filter.Customer)))
                : query.Where(o => o.MatchesSql(CustomerNameSql, NameSearch.Pattern(filter.Customer)));
        if (filter.FromInstant is { } from) query = query.Where(o => o.PlacedAt >= from);
        if (filter.ToExclusive is { } to) query = query.Where(o => o.PlacedAt < to);
        if (filter.TrayOrderIds is not null)
        {
            var ids = filter.TrayOrderIdList.ToArray();
            query = query.Where(o => o.TrayOrderId.IsOneOf(ids));
        }
        if (filter.Ids is not null)
        {
            var ids = filter.IdList.ToArray();
            query = query.Where(o => o.Id.IsOneOf(ids));
        }
        return query;
    }
}
