using MassTransit;

namespace TrayBridge.Contracts.TrayConnector;

/// <summary>A product export did not reach Tray: <see cref="Reason"/> in Portuguese for people, <see cref="Causes"/> in Tray's own
/// words.</summary>
[MessageUrn("traybridge:tray:product-export-failed:v1", false)]
[EntityName("traybridge.tray.product-export-failed")]
[PublishedBy("TrayConnector")]
public sealed record ProductExportFailed(
    string TenantId, string StoreId, Guid ExportId, Guid ProductId, long ProductVersion, string Reason,
    IReadOnlyList<string> Causes, bool Retryable, DateTimeOffset OccurredAt) : ITenantMessage
{
    /// <summary>The reason's stable code (lower-case, dot-separated, e.g. <c>export.category_unmapped</c>), which the panel decides
    /// on; null from senders older than it (the Catalog then shows <c>export.failed</c>).</summary>
    public string? ReasonCode { get; init; }
}
