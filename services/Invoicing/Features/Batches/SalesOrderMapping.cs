using TrayBridge.Contracts.Orders;
using TrayBridge.Invoicing.Domain.Emitters;
using TrayBridge.Invoicing.Domain.Orders;

namespace TrayBridge.Invoicing.Features.Batches;

/// <summary>Orders' answer at batch time → the domain's <see cref="NfeOrder"/>, and why an order is not to be invoiced.</summary>
public static class SalesOrderMapping
{
    /// <summary>Null when the order may be invoiced now; else the reason it is skipped.</summary>
    public static string? SkipReason(SalesOrderForInvoice answer) => answer switch
    {
        { Found: false } => "Unknown sales order.",
        { Invoiced: true } or { Status: "Faturado" } => "Already invoiced.",
        { Status: "CanceladoNaTray" } => "Cancelled on Tray.",
        { Status: "Divergente" } => $"Divergent from Tray: {answer.Divergence ?? "the order changed after import"}.",
        { Status: "ProntoParaFaturar", Order: not null } => null,
        _ => $"Not ready to invoice: {answer.StatusLabel ?? answer.Status}.",
    };

    public static NfeOrder ToNfeOrder(SalesOrderInvoiceData order)
    {
        var r = order.Recipient;
        var address = new NfeAddress(r.Street ?? "", r.Number ?? "S/N", r.Complement, r.District ?? "", r.IbgeCode ?? "", r.City ?? "",
            r.Uf ?? "", r.ZipCode ?? "", r.Phone);
        var recipient = new NfeRecipient(r.Name, r.Document ?? "", address, Blank(r.StateRegistration), Blank(r.Email));
        var items = order.Items.Select(i => new NfeOrderItem(i.Line, i.Sku, i.Name, i.Ncm ?? "", i.Quantity, i.UnitPrice, i.Discount,
            i.Freight, i.OtherCharges, Ean: i.Ean)).ToList();
        var intermediary = order.IntermediaryCnpj is { Length: > 0 } cnpj ? new NfeIntermediary(cnpj, order.IntermediarySellerId ?? "") : null;
        var payment = NfePayment.FromTray(order.PaymentMethodType, order.PaymentMethod, order.Installments);
        return new NfeOrder(order.TrayOrderId, recipient, items, payment, intermediary, Shipped: true, ExpectedTotal: order.Total);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
