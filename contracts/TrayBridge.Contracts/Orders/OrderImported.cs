using MassTransit;

namespace TrayBridge.Contracts.Orders;

/// <summary>A Tray order became exactly one ERP sales order (pedido de venda).</summary>
[MessageUrn("traybridge:orders:order-imported:v1", false)]
[EntityName("traybridge.orders.order-imported")]
public sealed record OrderImported(
    string TenantId, string StoreId, string TrayOrderId, Guid SalesOrderId, bool ReadyForNfe, DateTimeOffset OccurredAt) : ITenantMessage;
