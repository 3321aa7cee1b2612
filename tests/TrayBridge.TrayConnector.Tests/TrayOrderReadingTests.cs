using System.Text.Json;
using TrayBridge.TrayConnector.Features.Orders;
using TrayBridge.TrayConnector.Features.Orders.Mirror;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>Reading <c>/orders/{id}/complete</c> into <c>TrayOrderFetched</c>: the money fields, and a content hash that
/// stays what it was for orders the import already knows (a changed hash makes an imported order <c>Divergente</c>).</summary>
public sealed class TrayOrderReadingTests
{
    private static readonly DateTimeOffset ReadAt = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static JsonElement Complete(string extra = "") => JsonDocument.Parse($$$"""
        {"Order": {"id": "15", "status": "A ENVIAR", "date": "2026-12-05", "hour": "11:28:21", "customer_id": "1",
          "partial_total": "100.00", "discount": "5.00", "taxes": "0.00", "shipment_value": "20.00", "payment_method_rate": "0.00",
          "interest": "0.00", "total": "115.00", "point_sale": "LOJA VIRTUAL", "discount_coupon": "", "installment": "1", {{{extra}}}
          "OrderStatus": {"id": "9", "type": "open", "status": "A ENVIAR"},
          "Customer": {"id": "1", "name": "Maria", "cpf": "12442673177", "type": "0", "CustomerAddresses": []},
          "ProductsSold": [{"ProductsSold": {"product_id": "13", "variant_id": "0", "name": "Caneca", "reference": "CAN-1",
            "quantity": "2", "price": "50.00", "original_price": "50.00", "Sku": []}}],
          "MarketplaceOrder": [], "MlOrder": []}}
        """).RootElement;

    [Fact]
    public void The_content_hash_of_an_order_without_progressive_discounts_is_what_it_was_before_they_were_read()
    {
        var order = TrayOrderReading.Read(Complete(), "t", "s", ReadAt);

        Assert.Equal("bfcf61ac5e1b54b3b4bf62712130f010", order.ContentHash); // computed before the fields were read
    }

    [Fact]
    public void Progressive_discounts_are_read_when_complete_carries_them_and_taken_from_the_list_row_when_it_does_not()
    {
        var carried = TrayOrderReading.Read(Complete("""
            "progressive_discount": "7.50", "shipping_progressive_discount": "5.00",
            """), "t", "s", ReadAt);
        var left = TrayOrderReading.Read(Complete(), "t", "s", ReadAt);
        var row = JsonDocument.Parse("""{"id": "15", "progressive_discount": "7.50", "shipping_progressive_discount": "0.00"}""").RootElement;

        Assert.Equal((7.50m, 5.00m), (carried.ProgressiveDiscount, carried.ShippingProgressiveDiscount));
        Assert.False(TrayOrderReading.LacksListAdjustments(carried));
        Assert.Equal(((decimal?)null, (decimal?)null), (left.ProgressiveDiscount, left.ShippingProgressiveDiscount));
        Assert.True(TrayOrderReading.LacksListAdjustments(left));
        var completed = TrayOrderReading.WithListAdjustments(left, row);
        Assert.Equal((7.50m, 0m), (completed.ProgressiveDiscount, completed.ShippingProgressiveDiscount));
        // Zero discounts leave the hash alone; a real one is content.
        Assert.Equal(left.ContentHash, TrayOrderReading.Read(Complete("""
            "progressive_discount": "0.00", "shipping_progressive_discount": "",
            """), "t", "s", ReadAt).ContentHash);
        Assert.NotEqual(left.ContentHash, carried.ContentHash);
    }
}
