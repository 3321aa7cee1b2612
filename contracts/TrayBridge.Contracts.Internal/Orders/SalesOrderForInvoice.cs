using MassTransit;

namespace TrayBridge.Contracts.Orders;

/// <summary>Response to <see cref="SalesOrderForInvoiceRequested"/>. <see cref="Found"/> false: no such order in the tenant.
/// <see cref="Status"/> is Orders' status name (ProntoParaFaturar, PendenteDados, CanceladoNaTray, Divergente, Faturado);
/// <see cref="Order"/> is set whenever the order exists, the caller decides from the status whether to invoice it.</summary>
[MessageUrn("traybridge:orders:sales-order-for-invoice:v1", false)]
[EntityName("traybridge.orders.sales-order-for-invoice")]
[PublishedBy("Orders", Role = MessageRole.Response)]
public sealed record SalesOrderForInvoice(
    string TenantId, Guid SalesOrderId, bool Found, string? Status, string? StatusLabel, IReadOnlyList<string> Missing,
    string? Divergence, bool Invoiced, SalesOrderInvoiceData? Order, DateTimeOffset OccurredAt) : ITenantMessage
{
    /// <summary>The status as the HTTP API's stable situation code (ready, pending, invoiced, cancelled_on_tray, divergent),
    /// for a skip reason's code; null when the order was not found or from senders that predate it.</summary>
    public string? Situation { get; init; }
}

/// <summary>The order's NF-e data: recipient, items with their prorated charges, the total checked against Tray, payment,
/// marketplace intermediary (CNPJ and the seller's id there; null for the store's own site).</summary>
public sealed record SalesOrderInvoiceData(
    string StoreId, string TrayOrderId, SalesOrderInvoiceRecipient Recipient, IReadOnlyList<SalesOrderInvoiceItem> Items,
    decimal Total, string? PaymentMethodType, string? PaymentMethod, int Installments, string? Shipment,
    string? IntermediaryCnpj, string? IntermediarySellerId);

/// <summary>The buyer (<c>dest</c>) and the invoice address (delivery, else billing); <see cref="IbgeCode"/> is cMun.</summary>
public sealed record SalesOrderInvoiceRecipient(
    string Name, string? Document, bool IsCompany, string? StateRegistration, string? Email, string? Phone,
    string? Street, string? Number, string? Complement, string? District, string? City, string? Uf, string? ZipCode, string? IbgeCode);

/// <summary>One line, 1-based in Tray's order (<c>nItem</c>), with its share of discount, freight and other charges.</summary>
public sealed record SalesOrderInvoiceItem(
    int Line, string TrayProductId, string? TrayVariantId, string Sku, string Name, string? Ncm, string? Ean,
    decimal Quantity, decimal UnitPrice, decimal Discount, decimal Freight, decimal OtherCharges);
