using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Catalog;
using TrayBridge.Catalog.Domain;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Catalog.Features.Exports;

public static class ExportsApi
{
    public static void MapExportsApi(this WebApplication app)
    {
        var exports = app.MapGroup("/api/catalog/exports").WithTags("Exports");
        exports.MapPost("/", RequestExport.HandleAsync).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        exports.MapGet("/", ListExports.HandleAsync);
        exports.MapGet("/{id:guid}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound);
        exports.MapPost("/{id:guid}/retry", RetryExport.HandleAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>The export's progress, read from its items: a panel that reloads (or another user) re-attaches to it.</summary>
    private static async Task<Results<Ok<ExportProgress>, ProblemHttpResult>> GetAsync(Guid id, IDocumentStore store, TenantContext tenant,
        CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(tenant.Require());
        if (await session.LoadAsync<ProductExport>(id, cancellationToken) is not { } export) return NotFound();
        // An export has at most ExportRequest.MaxProducts items: one page holds them all.
        var items = await session.Query<ExportItem>().Where(i => i.ExportId == id).ToListAsync(cancellationToken);
        var counts = ExportCounts.Of(items.Select(i => i.Status).ToList());
        return TypedResults.Ok(new ExportProgress(export.Id, export.StoreId, export.RequestedAt, counts.Status, counts.Total, counts.Done,
            counts.Pending, counts.Exported, counts.Exported, counts.Failed,
            items.OrderBy(i => i.Sku, StringComparer.Ordinal).Select(Outcome).ToList()));
    }

    public static ProblemHttpResult NotFound() => Problems.NotFound(CatalogProblemCodes.ExportNotFound, "Exportação não encontrada.");

    private static ExportItemOutcome Outcome(ExportItem i) =>
        new(i.ProductId, i.Sku, i.Name, i.ProductVersion, i.Status, i.TrayProductId, i.Reason,
            // Items failed before codes existed still carry one the panel can decide on.
            i.Status == ExportItem.Failed ? i.ReasonCode ?? ExportReasonCodes.Failed : null, i.Causes, i.Retryable, i.UpdatedAt);
}

/// <summary>An export's counts from its items' states; the list and the progress say the same thing.</summary>
internal sealed record ExportCounts(string Status, int Total, int Done, int Pending, int Exported, int Failed)
{
    public static ExportCounts Of(IReadOnlyCollection<string> states)
    {
        int Count(string state) => states.Count(s => s == state);
        var (pending, exported, failed) = (Count(ExportItem.Pending), Count(ExportItem.Exported), Count(ExportItem.Failed));
        var status = pending > 0 ? ExportStatuses.InProgress : failed > 0 ? ExportStatuses.CompletedWithErrors : ExportStatuses.Completed;
        return new(status, states.Count, exported + failed, pending, exported, failed);
    }
}
