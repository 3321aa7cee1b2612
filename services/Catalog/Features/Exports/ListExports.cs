using Marten;
using TrayBridge.Catalog.Domain;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Catalog.Features.Exports;

/// <summary><c>GET /api/catalog/exports?storeId=&amp;limit=</c>: the most recent exports first (of one store, or all), each with its
/// counts; the items themselves are on <c>GET /api/catalog/exports/{id}</c>.</summary>
public static class ListExports
{
    public const int MaxLimit = 100;

    public static async Task<IResult> HandleAsync(IDocumentStore store, TenantContext tenant, string? storeId, int limit = 20,
        CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > MaxLimit)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"Between 1 and {MaxLimit}."] });
        await using var session = store.QuerySession(tenant.Require());
        var query = session.Query<ProductExport>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(storeId)) query = query.Where(e => e.StoreId == storeId);
        var exports = await query.OrderByDescending(e => e.RequestedAt).Take(limit).ToListAsync(cancellationToken);
        var ids = exports.Select(e => e.Id).ToArray();
        // Only what the counts need: reasons and causes stay behind.
        var statuses = (await session.Query<ExportItem>().Where(i => i.ExportId.IsOneOf(ids))
            .Select(i => new { i.ExportId, i.Status }).ToListAsync(cancellationToken)).ToLookup(i => i.ExportId, i => i.Status);
        return Results.Ok(exports.Select(e => ExportSummary.From(e, statuses[e.Id].ToList())).ToList());
    }
}

/// <summary>An export in the list: its counts, and the same status as <see cref="ExportResponse"/>.</summary>
public sealed record ExportSummary(Guid ExportId, string StoreId, DateTimeOffset RequestedAt, string Status, int Total, int Pending,
    int Exported, int Failed)
{
    public static ExportSummary From(ProductExport export, IReadOnlyList<string> statuses)
    {
        int Count(string status) => statuses.Count(s => s == status);
        var (pending, failed) = (Count(ExportItem.Pending), Count(ExportItem.Failed));
        var status = pending > 0 ? "InProgress" : failed > 0 ? "CompletedWithErrors" : "Completed";
        return new(export.Id, export.StoreId, export.RequestedAt, status, statuses.Count, pending, Count(ExportItem.Exported), failed);
    }
}
