using MassTransit;

namespace TrayBridge.Contracts.Orders;

/// <summary>An invoiced sales order was dispatched: the carrier, its tracking code (and URL) and the São Paulo day it left.
/// Published again with the new data when the merchant corrects the tracking; the same data is never published twice.</summary>
[MessageUrn("traybridge:orders:sales-order-shipped:v1", false)]
[EntityName("traybridge.orders.sales-order-shipped")]
[PublishedBy("Orders")]
public sealed record SalesOrderShipped(
    string TenantId, string StoreId, string TrayOrderId, Guid SalesOrderId, string Carrier, string TrackingCode, string? TrackingUrl,
    DateOnly ShippedAt, DateTimeOffset OccurredAt) : ITenantMessage;
