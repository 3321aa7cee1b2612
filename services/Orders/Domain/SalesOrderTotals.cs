using TrayBridge.Contracts.TrayConnector;

namespace TrayBridge.Orders.Domain;

/// <summary>
/// A sales order's money in the NF-e's terms (<c>vProd</c>, <c>vDesc</c>, <c>vFrete</c>, <c>vOutro</c>, <c>vNF</c>),
/// mapped from Tray's fields (tray-api.md §4.5):
/// <list type="bullet">
/// <item><see cref="Items"/> = Σ quantity × unit price per item, each rounded to the cent (Tray's <c>partial_total</c>);</item>
/// <item><see cref="Discount"/> = <c>discount</c> + coupon discount + |<c>payment_method_rate</c>| when the rate is
/// negative (a PIX discount is a discount, not a negative fee);</item>
/// <item><see cref="Freight"/> = <c>shipment_value</c>;</item>
/// <item><see cref="OtherCharges"/> = <c>taxes</c> + <c>interest</c> + <c>payment_method_rate</c> when positive;</item>
/// <item><see cref="Total"/> = items − discount + freight + other charges, which must equal Tray's <c>total</c>.</item>
/// </list>
/// Tray's list also shows <c>progressive_discount</c> and <c>shipping_progressive_discount</c>, whose meaning is not
/// documented (they may already be inside <c>discount</c>, or taken off <c>total</c> on their own). So they are applied
/// only when that makes Tray's total add up, by their names: the progressive discount added to <see cref="Discount"/>,
/// the shipping one taken off <see cref="Freight"/> (never below zero). The readings are tried in order — neither
/// (they are already inside the other fields), both, the items' alone, the freight's alone — and the first that
/// reconciles to the cent wins; when none does, the order keeps the plain reading and <see cref="Check"/> reports both totals.
/// </summary>
public sealed record SalesOrderTotals(decimal Items, decimal Discount, decimal Freight, decimal OtherCharges)
{
    public decimal Total => Items - Discount + Freight + OtherCharges;

    public static SalesOrderTotals From(TrayOrderFetched order)
    {
        var rate = order.PaymentMethodRate;
        var plain = new SalesOrderTotals(
            Items: order.Items.Sum(item => Gross(item.Quantity, item.UnitPrice)),
            Discount: order.Discount + order.CouponDiscount + Math.Max(-rate, 0),
            Freight: order.ShipmentValue,
            OtherCharges: order.Taxes + order.Interest + Math.Max(rate, 0));
        var onItems = Math.Max(order.ProgressiveDiscount ?? 0, 0);
        var onFreight = Math.Max(order.ShippingProgressiveDiscount ?? 0, 0);
        if (onItems == 0 && onFreight == 0) return plain;
        SalesOrderTotals?[] readings =
        [
            plain,
            plain.WithDiscounts(onItems, onFreight),
            onFreight > 0 ? plain.WithDiscounts(onItems, 0) : null,
            onItems > 0 ? plain.WithDiscounts(0, onFreight) : null,
        ];
        return readings.FirstOrDefault(r => r?.Check(order.Total) is null) ?? plain;
    }

    /// <summary>Null when the freight cannot carry that discount (a freight below zero is no reading of Tray's).</summary>
    private SalesOrderTotals? WithDiscounts(decimal onItems, decimal onFreight) =>
        onFreight > Freight ? null : this with { Discount = Discount + onItems, Freight = Freight - onFreight };

    /// <summary>An item's value (<c>vProd</c>): quantity × unit price to the cent.</summary>
    public static decimal Gross(decimal quantity, decimal unitPrice) => Brl.Cents(quantity * unitPrice);

    /// <summary>Null when Tray's total is ours to the cent; otherwise the mismatch, with both totals. Tray does not
    /// document how its total adds up, so an order it sums differently is stopped here rather than invoiced wrong.</summary>
    public ImportError? Check(decimal trayTotal) =>
        Brl.Cents(trayTotal) == Brl.Cents(Total) ? null : ImportError.TotalsMismatch(trayTotal, Total);

    /// <summary>Discount, freight and other charges each prorated over the items by their gross values
    /// (<see cref="MoneyAllocation"/>), in the items' order; every column adds up to its total exactly.</summary>
    public IReadOnlyList<ItemCharges> ProrateOver(IReadOnlyList<decimal> itemGross)
    {
        var discount = MoneyAllocation.Prorate(Discount, itemGross);
        var freight = MoneyAllocation.Prorate(Freight, itemGross);
        var other = MoneyAllocation.Prorate(OtherCharges, itemGross);
        return [.. itemGross.Select((_, i) => new ItemCharges(discount[i], freight[i], other[i]))];
    }
}

/// <summary>One item's part of the order's discount, freight and other charges (NF-e <c>vDesc</c>, <c>vFrete</c>,
/// <c>vOutro</c> per item).</summary>
public sealed record ItemCharges(decimal Discount, decimal Freight, decimal OtherCharges);
