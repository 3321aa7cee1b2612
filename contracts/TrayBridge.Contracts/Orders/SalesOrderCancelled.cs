using MassTransit;

namespace TrayBridge.Contracts.Orders;

/// <summary>A sales order was cancelled (e.g. its Tray order was); it must not be invoiced.</summary>
[MessageUrn("traybridge:orders:sales-order-cancelled:v1", false)]
[EntityName("traybridge.orders.sales-order-cancelled")]
[PublishedBy("Orders")]
public sealed record SalesOrderCancelled(
    string TenantId, string StoreId, string TrayOrderId, Guid SalesOrderId, string Reason, DateTimeOffset OccurredAt) : ITenantMessage;
