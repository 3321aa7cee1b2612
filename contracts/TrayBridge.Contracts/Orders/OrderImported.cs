using MassTransit;

namespace TrayBridge.Contracts.Orders;

/// <summary>A Tray order became exactly one ERP sales order (pedido de venda).</summary>
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
