using TrayBridge.Orders.Domain;

namespace TrayBridge.Orders.Tests;

public sealed class SalesOrderTotalsTests
{
    [Fact]
    public void Tray_documented_examples_add_up()
    {
        // DEV21: 59900.00 + 38.91 freight + 2996.95 payment fee = 62935.86; 35999.00 − 8999.75 coupon + 28.35 = 27027.60.
        var boleto = TrayOrders.Order() with
        {
            Total = 62935.86m, Items = [TrayOrders.Item("PC", 1, 59900.00m)], Discount = 0, ShipmentValue = 38.91m,
            PaymentMethodRate = 2996.95m,
        };
        var coupon = TrayOrders.Order() with
        {
            Total = 27027.60m, Items = [TrayOrders.Item("TV", 1, 35999.00m)], Discount = 0, CouponDiscount = 8999.75m,
            ShipmentValue = 28.35m,
        };

        Assert.Equal(new SalesOrderTotals(59900.00m, 0, 38.91m, 2996.95m), SalesOrderTotals.From(boleto));
        Assert.Null(SalesOrderTotals.From(boleto).Check(boleto.Total));
        Assert.Equal(new SalesOrderTotals(35999.00m, 8999.75m, 28.35m, 0), SalesOrderTotals.From(coupon));
        Assert.Null(SalesOrderTotals.From(coupon).Check(coupon.Total));
    }

    [Fact]
    public void A_negative_payment_rate_is_a_discount_and_taxes_and_interest_are_other_charges()
    {
        var pix = TrayOrders.Order() with { Discount = 10m, CouponDiscount = 5m, PaymentMethodRate = -6.50m, Taxes = 2m, Interest = 1.25m };

        var totals = SalesOrderTotals.From(pix);

        Assert.Equal(new SalesOrderTotals(130.00m, 21.50m, 15.00m, 3.25m), totals);
        Assert.Equal(126.75m, totals.Total);
    }

    [Fact]
    public void Items_are_summed_per_item_rounded_to_the_cent()
    {
        var order = TrayOrders.Order() with { Items = [TrayOrders.Item("GRANEL", 0.5m, 10.99m), TrayOrders.Item("FITA", 1.5m, 10.99m)] };

        // 5.495 → 5.50 and 16.485 → 16.49: 21.99, where rounding the sum (21.98) would miss a cent.
        Assert.Equal(21.99m, SalesOrderTotals.From(order).Items);
    }

    [Fact]
    public void A_mismatch_names_both_totals()
    {
        var totals = new SalesOrderTotals(99.90m, 0, 0, 0);

        var error = totals.Check(100.00m)!;

        Assert.Equal(ImportErrorKind.TotalsMismatch, error.Kind);
        Assert.Equal("Totais não conferem: Tray R$ 100,00, calculado R$ 99,90", error.Message);
        Assert.Equal((100.00m, 99.90m), (error.TrayTotal, error.CalculatedTotal));
        Assert.Equal("Totais não conferem: Tray R$ 1.234,57, calculado R$ 1.234,56",
            new SalesOrderTotals(1234.56m, 0, 0, 0).Check(1234.57m)!.Message);
        Assert.Null(totals.Check(99.90m));
    }

    [Fact]
    public void Discount_freight_and_other_charges_are_prorated_by_item_value_to_the_cent()
    {
        var totals = new SalesOrderTotals(100.00m, 10.00m, 10.01m, 0.02m);

        var charges = totals.ProrateOver([33.33m, 33.33m, 33.34m]);

        Assert.Equal(10.00m, charges.Sum(c => c.Discount));
        Assert.Equal(10.01m, charges.Sum(c => c.Freight));
        Assert.Equal(0.02m, charges.Sum(c => c.OtherCharges));
        Assert.Equal([3.33m, 3.33m, 3.34m], charges.Select(c => c.Discount));
        Assert.Equal([0m, 0.01m, 0.01m], charges.Select(c => c.OtherCharges));
    }

    // TrayOrders.Order(): items 100.00 + 30.00, discount 10.00, freight 15.00, Tray's total 135.00.
    [Fact]
    public void A_progressive_discount_is_an_items_discount_when_Tray_took_it_off_its_total()
    {
        var totals = SalesOrderTotals.From(TrayOrders.Order() with { ProgressiveDiscount = 7.50m, Total = 127.50m });

        Assert.Equal(new SalesOrderTotals(130.00m, 17.50m, 15.00m, 0), totals);
        Assert.Null(totals.Check(127.50m));
    }

    [Fact]
    public void A_shipping_progressive_discount_is_taken_off_the_freight_when_Tray_took_it_off_its_total()
    {
        var free = SalesOrderTotals.From(TrayOrders.Order() with { ShippingProgressiveDiscount = 15.00m, Total = 120.00m });
        var both = SalesOrderTotals.From(TrayOrders.Order() with { ProgressiveDiscount = 7.50m, ShippingProgressiveDiscount = 5.00m, Total = 122.50m });

        Assert.Equal(new SalesOrderTotals(130.00m, 10.00m, 0, 0), free);
        Assert.Equal(new SalesOrderTotals(130.00m, 17.50m, 10.00m, 0), both);
    }

    [Fact]
    public void Only_the_progressive_discounts_that_make_Tray_total_add_up_are_applied()
    {
        var order = TrayOrders.Order() with { ProgressiveDiscount = 7.50m, ShippingProgressiveDiscount = 5.00m };

        // Tray's total shows the items' discount only, then the freight's only, then neither (already inside "discount").
        Assert.Equal(new SalesOrderTotals(130.00m, 17.50m, 15.00m, 0), SalesOrderTotals.From(order with { Total = 127.50m }));
        Assert.Equal(new SalesOrderTotals(130.00m, 10.00m, 10.00m, 0), SalesOrderTotals.From(order with { Total = 130.00m }));
        Assert.Equal(new SalesOrderTotals(130.00m, 10.00m, 15.00m, 0), SalesOrderTotals.From(order with { Total = 135.00m }));
        Assert.Equal(new SalesOrderTotals(130.00m, 17.50m, 15.00m, 0),
            SalesOrderTotals.From(order with { Discount = 17.50m, ShippingProgressiveDiscount = 0, Total = 127.50m }));
    }

    [Fact]
    public void Progressive_discounts_that_reconcile_no_reading_leave_the_plain_totals_and_the_mismatch_with_both_numbers()
    {
        var unexplained = TrayOrders.Order() with { ProgressiveDiscount = 7.50m, Total = 125.00m };
        // A freight discount above the freight is no reading: the freight never goes below zero.
        var beyondFreight = TrayOrders.Order() with { ShippingProgressiveDiscount = 20.00m, Total = 115.00m };

        var totals = SalesOrderTotals.From(unexplained);

        Assert.Equal(new SalesOrderTotals(130.00m, 10.00m, 15.00m, 0), totals);
        Assert.Equal("Totais não conferem: Tray R$ 125,00, calculado R$ 135,00", totals.Check(unexplained.Total)!.Message);
        Assert.Equal(new SalesOrderTotals(130.00m, 10.00m, 15.00m, 0), SalesOrderTotals.From(beyondFreight));
        Assert.NotNull(SalesOrderTotals.From(beyondFreight).Check(beyondFreight.Total));
    }
}
