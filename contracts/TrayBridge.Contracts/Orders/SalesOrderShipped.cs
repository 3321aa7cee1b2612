using MassTransit;

namespace TrayBridge.Contracts.Orders;

/// <summary>An invoiced sales order was dispatched: the carrier, its tracking code (and URL) and the São Paulo day it left.
/// Published again with the new data when the merchant corrects the tracking; the same data is never published twice.</summary>
/// <param name="TenantId">The tenant (the ERP account) the event belongs to; equal to the TenantId header.</param>
/// <param name="StoreId">The Tray store id (Usuário of the Loja Virtual), as registered.</param>
/// <param name="TrayOrderId">Tray's order id in that store.</param>
/// <param name="SalesOrderId">The ERP sales order (pedido de venda) id in Orders.</param>
/// <param name="Carrier">The carrier (transportadora) name.</param>
/// <param name="TrackingCode">The tracking code (código de rastreio).</param>
/// <param name="TrackingUrl">Where the buyer follows the parcel; null when the carrier has none.</param>
/// <param name="ShippedAt">The São Paulo day the parcel left.</param>
/// <param name="OccurredAt">When it happened, in the publishing service's clock (UTC offset included).</param>
[MessageUrn("traybridge:orders:sales-order-shipped:v1", false)]
[EntityName("traybridge.orders.sales-order-shipped")]
[PublishedBy("Orders")]
public sealed record SalesOrderShipped(
    string TenantId, string StoreId, string TrayOrderId, Guid SalesOrderId, string Carrier, string TrackingCode, string? TrackingUrl,
    DateOnly ShippedAt, DateTimeOffset OccurredAt) : ITenantMessage;
