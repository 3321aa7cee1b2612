using MassTransit;

namespace TrayBridge.Contracts.Orders;

/// <summary>A Tray order became exactly one ERP sales order (pedido de venda).</summary>
/// <param name="TenantId">The tenant (the ERP account) the event belongs to; equal to the TenantId header.</param>
/// <param name="StoreId">The Tray store id (Usuário of the Loja Virtual), as registered.</param>
/// <param name="TrayOrderId">Tray's order id in that store.</param>
/// <param name="SalesOrderId">The ERP sales order (pedido de venda) id in Orders.</param>
/// <param name="ReadyForNfe">Whether the sales order has everything an NF-e needs (else it waits for the merchant's fix).</param>
/// <param name="OccurredAt">When it happened, in the publishing service's clock (UTC offset included).</param>
[MessageUrn("traybridge:orders:order-imported:v1", false)]
[EntityName("traybridge.orders.order-imported")]
[PublishedBy("Orders")]
public sealed record OrderImported(
    string TenantId, string StoreId, string TrayOrderId, Guid SalesOrderId, bool ReadyForNfe, DateTimeOffset OccurredAt) : ITenantMessage
{
    /// <summary>What the order takes from stock: the Catalog decrements it once per Tray order.</summary>
    public IReadOnlyList<OrderImportedItem> Items { get; init; } = [];
}

/// <summary>An ERP product (and variation) and how many of it the order sold.</summary>
public sealed record OrderImportedItem(Guid ProductId, Guid? VariationId, decimal Quantity);
