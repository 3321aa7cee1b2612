namespace TrayBridge.Api.Catalog;

/// <summary><c>POST /api/catalog/exports</c>: 1 to 500 products to one store. <see cref="LinkAction"/> answers a broken link (the
/// product was deleted on Tray): <c>recreate</c> creates it again, <c>relink</c> links one product to <see cref="TrayProductId"/>.</summary>
public sealed record ExportRequest(string? StoreId, IReadOnlyList<Guid>? ProductIds, string? LinkAction = null, string? TrayProductId = null)
{
    public const int MaxProducts = 500;
}

/// <summary>The 202 answer of an export: poll <c>GET /api/catalog/exports/{exportId}</c> (the <c>Location</c> header).</summary>
public sealed record ExportAccepted(Guid ExportId);

/// <summary>The 202 answer of <c>POST /api/catalog/exports/{id}/retry</c>: a new export of the products that failed in
/// <see cref="RetryOf"/>.</summary>
public sealed record ExportRetryAccepted(Guid ExportId, Guid RetryOf);

/// <summary><c>GET /api/catalog/exports/{id}</c>: an export's progress for a live "n de N" (<see cref="Done"/> of
/// <see cref="Total"/>), its counts, and each product's outcome. <see cref="Status"/> is one of <see cref="ExportStatuses"/>;
/// <see cref="Exported"/> is <see cref="Integrated"/> under its older name.</summary>
public sealed record ExportProgress(Guid ExportId, string StoreId, DateTimeOffset RequestedAt, string Status, int Total, int Done,
    int Pending, int Integrated, int Exported, int Failed, IReadOnlyList<ExportItemOutcome> Items);

/// <summary>One product of an export. <see cref="Status"/> is one of <see cref="ExportItemStates"/>; a failed one says why:
/// <see cref="Reason"/> in Portuguese, its stable <see cref="ReasonCode"/> (<see cref="ExportReasonCodes"/>) and Tray's own
/// <see cref="Causes"/>. <see cref="Name"/> is the product's name when the export started (null for exports older than it).</summary>
public sealed record ExportItemOutcome(Guid ProductId, string Sku, string? Name, long ProductVersion, string Status, string? TrayProductId,
    string? Reason, string? ReasonCode, IReadOnlyList<string> Causes, bool? Retryable, DateTimeOffset UpdatedAt);

/// <summary>An export in <c>GET /api/catalog/exports?storeId=&amp;limit=</c> (newest first, at most 100): its counts, as in
/// <see cref="ExportProgress"/>, without the items.</summary>
public sealed record ExportSummary(Guid ExportId, string StoreId, DateTimeOffset RequestedAt, string Status, int Total, int Done,
    int Pending, int Integrated, int Exported, int Failed)
{
    public const int MaxLimit = 100;
}

public static class ExportStatuses
{
    /// <summary>Some product has no outcome yet.</summary>
    public const string InProgress = "InProgress";
    public const string CompletedWithErrors = "CompletedWithErrors";
    public const string Completed = "Completed";
}

public static class ExportItemStates
{
    public const string Pending = "Pending", Exported = "Exported", Failed = "Failed";
}

/// <summary>The stable codes of an export item's (and a product row's <see cref="ExportError"/>) reason. The connector names
/// the Tray-side ones; a failure reported without a code is <see cref="Failed"/>.</summary>
public static class ExportReasonCodes
{
    /// <summary>Deleted in the ERP: kept out of the export, never retried.</summary>
    public const string ProductDeleted = "export.product_deleted";
    /// <summary>The export failed for a reason its sender did not classify (see the reason and Tray's causes).</summary>
    public const string Failed = "export.failed";
}
