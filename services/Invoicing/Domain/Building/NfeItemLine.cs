using TrayBridge.Invoicing.Domain.Emitters;
using TrayBridge.Invoicing.Domain.Fiscal;
using TrayBridge.Invoicing.Domain.Orders;
using TrayBridge.Invoicing.Domain.Taxes;

namespace TrayBridge.Invoicing.Domain.Building;

/// <summary>An order item with its values rounded as the XML shows them and its taxes. The note's totals are sums of
/// these, never recomputed from the order, so they reconcile with the items to the cent.</summary>
internal sealed record NfeItemLine(NfeOrderItem Item, decimal Gross, decimal Discount, decimal Freight, decimal OtherCharges, ItemTaxes Taxes)
{
    /// <summary>The value of the operation: the ICMS, PIS/COFINS and DIFAL base.</summary>
    public decimal OperationValue => Gross - Discount + Freight + OtherCharges;

    public static NfeItemLine From(NfeOrderItem item, Emitter emitter, Operation operation, string recipientUf)
    {
        var gross = NfeFormat.Cents(item.Quantity * item.UnitPrice);
        var (discount, freight, other) = (NfeFormat.Cents(item.Discount), NfeFormat.Cents(item.Freight), NfeFormat.Cents(item.OtherCharges));
        var taxes = TaxCalculator.For(emitter, operation, recipientUf, item.Ncm, item.Origin, gross - discount + freight + other);
        return new NfeItemLine(item, gross, discount, freight, other, taxes);
    }
}
