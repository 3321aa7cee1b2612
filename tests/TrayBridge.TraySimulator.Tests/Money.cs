using System.Globalization;
using System.Text.Json.Nodes;

namespace TrayBridge.TraySimulator.Tests;

/// <summary>Reading Tray's string money and checking an order adds up (tray-api.md §4.5).</summary>
public static class Money
{
    public static decimal Of(JsonNode? value) => decimal.Parse((string)value!, CultureInfo.InvariantCulture);

    /// <summary>total = partial_total − discount − coupon.discount − progressive_discount − shipping_progressive_discount + shipment_value
    /// + taxes + payment_method_rate + interest (the progressive discounts read as 0 where the shape leaves them out),
    /// partial_total = Σ price × quantity, and discount_coupon = "code/value" exactly when coupon is there.</summary>
    public static void AddsUp(JsonObject order)
    {
        var id = (string)order["id"]!;
        var coupon = order["coupon"];
        var expected = Of(order["partial_total"]) - Of(order["discount"]) - (coupon is null ? 0 : Of(coupon["discount"])) - Of(order["progressive_discount"] ?? "0")
                       - Of(order["shipping_progressive_discount"] ?? "0")
                       + Of(order["shipment_value"]) + Of(order["taxes"]) + Of(order["payment_method_rate"]) + Of(order["interest"]);
        Assert.True(expected == Of(order["total"]), $"Order {id}: total {order["total"]} is not {expected}");
        if (order["ProductsSold"] is JsonArray items && items.Count > 0 && items[0]!["ProductsSold"] is not null)
            Assert.Equal(Of(order["partial_total"]), items.Sum(i => Of(i!["ProductsSold"]!["price"]) * Of(i["ProductsSold"]!["quantity"])));
        Assert.Equal(coupon is null ? "" : $"{coupon["code"]}/{coupon["discount"]}", (string)order["discount_coupon"]!);
    }
}
