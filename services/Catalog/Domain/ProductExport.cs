using TrayBridge.Api.Catalog;

namespace TrayBridge.Catalog.Domain;

/// <summary>A user's request to export products to one store. Each product's outcome is an <see cref="ExportItem"/> of
/// its own, so outcomes arriving together for one export never contend for the same document.</summary>
public sealed class ProductExport
{
    public Guid Id { get; set; }
    public required string StoreId { get; set; }
    public int ProductCount { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    /// <summary>The user's choice for broken links ("recreate" or "relink" to <see cref="RelinkTrayProductId"/>), kept so a
    /// retry of the export carries it too.</summary>
    public string? LinkAction { get; set; }
    public string? RelinkTrayProductId { get; set; }
}

/// <summary>One product of an export: pending until the connector reports it exported or failed.</summary>
public sealed class ExportItem
{
    public const string Pending = ExportItemStates.Pending, Exported = ExportItemStates.Exported, Failed = ExportItemStates.Failed;

    public required string Id { get; set; }
    public Guid ExportId { get; set; }
    public Guid ProductId { get; set; }
    public required string Sku { get; set; }
    /// <summary>The product's name when the export started, for the progress list (null on items stored before it was kept).</summary>
    public string? Name { get; set; }
    public long ProductVersion { get; set; }
    public string Status { get; set; } = Pending;
    public string? TrayProductId { get; set; }
    /// <summary>Portuguese, for people; <see cref="ReasonCode"/> is what clients decide on.</summary>
    public string? Reason { get; set; }
    public string? ReasonCode { get; set; }
    public IReadOnlyList<string> Causes { get; set; } = [];
    public bool? Retryable { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static string IdFor(Guid exportId, Guid productId) => $"{exportId}:{productId}";

    public void MarkExported(string trayProductId, DateTimeOffset at)
    {
        (Status, TrayProductId, Reason, ReasonCode, Causes, Retryable, UpdatedAt) = (Exported, trayProductId, null, null, [], null, at);
    }

    /// <summary>A failure reported after success (a late copy of an earlier attempt) does not undo it.</summary>
    public void MarkFailed(string reason, string reasonCode, IReadOnlyList<string> causes, bool retryable, DateTimeOffset at)
    {
        if (Status == Exported) return;
        (Status, Reason, ReasonCode, Causes, Retryable, UpdatedAt) = (Failed, reason, reasonCode, causes, retryable, at);
    }
}
