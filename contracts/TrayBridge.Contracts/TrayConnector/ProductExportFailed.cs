using MassTransit;

namespace TrayBridge.Contracts.TrayConnector;

/// <summary>A product export did not reach Tray; <see cref="Causes"/> are Tray's own words.</summary>
[MessageUrn("traybridge:tray:product-export-failed:v1", false)]
[EntityName("traybridge.tray.product-export-failed")]
public sealed record ProductExportFailed(
    string TenantId, string StoreId, Guid ExportId, Guid ProductId, long ProductVersion, string Reason,
    IReadOnlyList<string> Causes, bool Retryable, DateTimeOffset OccurredAt) : ITenantMessage;
