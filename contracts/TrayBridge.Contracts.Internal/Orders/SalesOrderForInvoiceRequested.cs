using MassTransit;

namespace TrayBridge.Contracts.Orders;

/// <summary>Request to Orders from Invoicing, at batch time: the sales order as it is now, with what its NF-e needs.
/// Answered with <see cref="SalesOrderForInvoice"/>.</summary>
[MessageUrn("traybridge:orders:sales-order-for-invoice-requested:v1", false)]
[EntityName("traybridge.orders.sales-order-for-invoice-requested")]
[PublishedBy("Invoicing", Role = MessageRole.Request)]
public sealed record SalesOrderForInvoiceRequested(string TenantId, Guid SalesOrderId, DateTimeOffset OccurredAt) : ITenantMessage;
