using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Catalog;
using TrayBridge.Catalog.Domain;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Catalog.Features.Exports;

/// <summary><c>GET /api/catalog/exports?storeId=&amp;limit=</c>: the most recent exports first (of one store, or all), each with its
/// counts; the items themselves are on <c>GET /api/catalog/exports/{id}</c>.</summary>
public static class ListExports
{
    public static async Task<Results<Ok<List<ExportSummary>>, ValidationProblem>> HandleAsync(IDocumentStore store, TenantContext tenant,
        string? storeId, int limit = 20, CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > ExportSummary.MaxLimit)
            return Problems.Validation("limit", $"De 1 a {ExportSummary.MaxLimit} exportações.");
        await using var session = store.QuerySession(tenant.Require());
        var query = session.Query<ProductExport>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(storeId)) query = query.Where(e => e.StoreId == storeId);
        var exports = await query.OrderByDescending(e => e.RequestedAt).Take(limit).ToListAsync(cancellationToken);
        var ids = exports.Select(e => e.Id).ToArray();
        // Only what the counts need: reasons and causes stay behind.
        var statuses = (await session.Query<ExportItem>().Where(i => i.ExportId.IsOneOf(ids))
            .Select(i => new { i.ExportId, i.Status }).ToListAsync(cancellationToken)).ToLookup(i => i.ExportId, i => i.Status);
        return TypedResults.Ok(exports.Select(e =>
        {
            var c = ExportCounts.Of(statuses[e.Id].ToList());
            return new ExportSummary(e.Id, e.StoreId, e.RequestedAt, c.Status, c.Total, c.Done, c.Pending, c.Exported, c.Exported, c.Failed);
        }).ToList());
    }
}
