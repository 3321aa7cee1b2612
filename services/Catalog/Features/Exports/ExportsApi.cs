using Marten;
using TrayBridge.Catalog.Domain;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Catalog.Features.Exports;

public static class ExportsApi
{
    public static void MapExportsApi(this WebApplication app)
    {
        var exports = app.MapGroup("/api/catalog/exports").WithTags("Exports");
        exports.MapPost("/", RequestExport.HandleAsync);
        exports.MapGet("/", ListExports.HandleAsync);
        exports.MapGet("/{id:guid}", GetAsync);
        exports.MapPost("/{id:guid}/retry", RetryExport.HandleAsync);
    }

    private static async Task<IResult> GetAsync(Guid id, IDocumentStore store, TenantContext tenant, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(tenant.Require());
        if (await session.LoadAsync<ProductExport>(id, cancellationToken) is not { } export)
            return Results.Problem(statusCode: 404, title: "Export not found.");
        var items = await session.Query<ExportItem>().Where(i => i.ExportId == id).ToListAsync(cancellationToken);
        return Results.Ok(ExportResponse.From(export, items));
    }
}

/// <summary>An export's progress and each product's outcome.</summary>
public sealed record ExportResponse(Guid ExportId, string StoreId, DateTimeOffset RequestedAt, string Status, int Total, int Pending,
    int Exported, int Failed, IReadOnlyList<ExportItemResponse> Items)
{
    public static ExportResponse From(ProductExport export, IReadOnlyList<ExportItem> items)
    {
        int Count(string status) => items.Count(i => i.Status == status);
        var (pending, failed) = (Count(ExportItem.Pending), Count(ExportItem.Failed));
        var status = pending > 0 ? "InProgress" : failed > 0 ? "CompletedWithErrors" : "Completed";
        return new(export.Id, export.StoreId, export.RequestedAt, status, items.Count, pending, Count(ExportItem.Exported), failed,
            items.OrderBy(i => i.Sku, StringComparer.Ordinal).Select(ExportItemResponse.From).ToList());
    }
}

public sealed record ExportItemResponse(Guid ProductId, string Sku, long ProductVersion, string Status, string? TrayProductId,
    string? Reason, IReadOnlyList<string> Causes, bool? Retryable, DateTimeOffset UpdatedAt)
{
    public static ExportItemResponse From(ExportItem i) =>
        new(i.ProductId, i.Sku, i.ProductVersion, i.Status, i.TrayProductId, i.Reason, i.Causes, i.Retryable, i.UpdatedAt);
}
