using MassTransit;

namespace TrayBridge.Contracts.TrayConnector;

/// <summary>A call to Tray failed for good or for now; <see cref="Retryable"/> says whether it will be tried again.</summary>
[MessageUrn("traybridge:tray:sync-failed:v1", false)]
[EntityName("traybridge.tray.sync-failed")]
[PublishedBy("TrayConnector")]
public sealed record TraySyncFailed(
    string TenantId, string StoreId, string Operation, string Reason, bool Retryable, DateTimeOffset OccurredAt) : ITenantMessage;
