using MassTransit;

namespace TrayBridge.Contracts.Orders;

/// <summary>Request to Orders from Invoicing, while a batch is worked on: a chunk of sales orders (at most 100) as they are
/// now, in one round trip. Answered with <see cref="SalesOrdersForInvoice"/>.</summary>
[MessageUrn("traybridge:orders:sales-orders-for-invoice-requested:v1", false)]
[EntityName("traybridge.orders.sales-orders-for-invoice-requested")]
[PublishedBy("Invoicing", Role = MessageRole.Request)]
public sealed record SalesOrdersForInvoiceRequested(string TenantId, IReadOnlyList<Guid> SalesOrderIds, DateTimeOffset OccurredAt) : ITenantMessage
{
    public const int MaxOrders = 100;
}

/// <summary>Response to <see cref="SalesOrdersForInvoiceRequested"/>: one <see cref="SalesOrderForInvoice"/> per id asked
/// (<see cref="SalesOrderForInvoice.Found"/> false for an unknown one). An id the answer leaves out counts as not answered.</summary>
[MessageUrn("traybridge:orders:sales-orders-for-invoice:v1", false)]
[EntityName("traybridge.orders.sales-orders-for-invoice")]
[PublishedBy("Orders", Role = MessageRole.Response)]
public sealed record SalesOrdersForInvoice(string TenantId, IReadOnlyList<SalesOrderForInvoice> Orders, DateTimeOffset OccurredAt) : ITenantMessage;
