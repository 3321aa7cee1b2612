namespace TrayBridge.TraySimulator.Sales;

/// <summary>
/// A discount coupon used on an order (tray-api.md §4.2, §4.5): the list shows it as <c>coupon {code, discount}</c>, only
/// when one was used, and as the <c>discount_coupon</c> string <c>"{code}/{value}"</c> (DEV21: <c>"natal25/8999.75"</c>).
/// </summary>
public sealed record OrderCoupon(string Code, decimal Discount)
{
    public string DiscountCoupon => $"{Code}/{Tray.TrayValues.Money(Discount)}";
}
