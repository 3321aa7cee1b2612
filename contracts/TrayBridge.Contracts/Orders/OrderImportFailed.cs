using MassTransit;

namespace TrayBridge.Contracts.Orders;

/// <summary>A Tray order could not become a sales order; <see cref="Reason"/> says why (Portuguese), and it can be retried.</summary>
[MessageUrn("traybridge:orders:order-import-failed:v1", false)]
[EntityName("traybridge.orders.order-import-failed")]
[PublishedBy("Orders")]
public sealed record OrderImportFailed(
    string TenantId, string StoreId, string TrayOrderId, string Reason, DateTimeOffset OccurredAt) : ITenantMessage
{
    /// <summary>The reason's stable code (e.g. <c>import.totals_mismatch</c>); null from senders that predate it.</summary>
    public string? ReasonCode { get; init; }
}
