using TrayBridge.Contracts.Orders;
using TrayBridge.Invoicing.Domain.Emitters;
using TrayBridge.Invoicing.Domain.Orders;

namespace TrayBridge.Invoicing.Features.Batches;

/// <summary>Orders' answer at batch time → the domain's <see cref="NfeOrder"/> (whether to invoice it: <see cref="SkipReasons"/>).</summary>
public static class SalesOrderMapping
{
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
