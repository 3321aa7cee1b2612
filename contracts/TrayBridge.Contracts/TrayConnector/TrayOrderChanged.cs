using MassTransit;

namespace TrayBridge.Contracts.TrayConnector;

/// <summary>A mirrored Tray order changed on Tray after it was seen (status, items, address…).</summary>
[MessageUrn("traybridge:tray:order-changed:v1", false)]
[EntityName("traybridge.tray.order-changed")]
[PublishedBy("TrayConnector")]
public sealed record TrayOrderChanged(
    string TenantId, string StoreId, string TrayOrderId, string Status, bool Cancelled, DateTimeOffset OccurredAt) : ITenantMessage
{
    /// <summary>Items, money, buyer or addresses differ from what was imported (a status moving on is not a change).</summary>
    public bool ContentChanged { get; init; }
}
