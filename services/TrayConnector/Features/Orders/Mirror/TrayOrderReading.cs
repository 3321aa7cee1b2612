using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Serialization.Metadata;
using System.Text.Json;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.TrayConnector.Tray.Json;
using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.TrayConnector.Features.Orders.Mirror;

/// <summary>Turns <c>/orders/{id}/complete</c> (tray-api.md §4.4–4.5) into the normalised <see cref="TrayOrderFetched"/>.
/// Money is taken as Tray states it; whether it adds up is the Orders service's check, not ours.</summary>
public static class TrayOrderReading
{
    public static TrayOrderFetched Read(JsonElement complete, string tenantId, string storeId, DateTimeOffset now)
    {
        var order = complete.Object("Order");
        if (!order.IsPresent() || order.Id("id") is not { } id) throw new InvalidDataException("Tray's answer has no Order.");
        var status = order.Object("OrderStatus");
        var (couponCode, couponDiscount) = Coupon(order);
        var fetched = new TrayOrderFetched(tenantId, storeId, id, order.Text("status") ?? status.Text("status") ?? "", OrderOrigin.Of(order),
            order.Money("total"), now)
        {
            StatusId = status.Id("id"), PlacedAt = PlacedAt(order), Cancelled = IsCancelled(status, order.Text("status")),
            Customer = TrayCustomerReading.Read(order), Items = order.List("ProductsSold", "ProductsSold").Select(Item).ToList(),
            PartialTotal = order.Money("partial_total"), Discount = order.Money("discount"), CouponCode = couponCode, CouponDiscount = couponDiscount,
            ShipmentValue = order.Money("shipment_value"), Taxes = order.Money("taxes"), PaymentMethodRate = order.Money("payment_method_rate"),
            Interest = order.Money("interest"), Shipment = order.Text("shipment"), PaymentMethod = order.Text("payment_method") ?? order.Text("payment_form"),
            PaymentMethodType = order.Text("payment_method_type"),
            Installments = int.TryParse(order.Text("installment"), CultureInfo.InvariantCulture, out var installments) && installments > 0 ? installments : 1,
            Marketplace = Marketplace(order),
            ProgressiveDiscount = MoneyOrNull(order, "progressive_discount"),
            ShippingProgressiveDiscount = MoneyOrNull(order, "shipping_progressive_discount"),
        };
        return fetched with { ContentHash = ContentHash(fetched) };
    }

    /// <summary>A hash of what an import depends on (items, money, buyer, addresses) — not of the status, which moves on
    /// its own as the order is paid and shipped, nor of the time it was read.
    /// The progressive discounts count only when there are some: an order without them keeps the hash it had before they
    /// were read, or every order imported earlier would turn <c>Divergente</c> at its next read.</summary>
    public static string ContentHash(TrayOrderFetched order)
    {
        var content = order with { Status = "", StatusId = null, Cancelled = false, OccurredAt = default, ContentHash = null, TenantId = "" };
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(content, HashOptions)))[..32];
    }

    // The default options, but with the progressive discounts written only when they are not zero.
    private static readonly JsonSerializerOptions HashOptions = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    if (info.Type != typeof(TrayOrderFetched)) return;
                    foreach (var property in info.Properties.Where(p => p.Name is nameof(TrayOrderFetched.ProgressiveDiscount)
                                 or nameof(TrayOrderFetched.ShippingProgressiveDiscount)))
                        property.ShouldSerialize = (_, value) => value is decimal amount && amount != 0;
                },
            },
        },
    };

    /// <summary>DEV21 documents <c>progressive_discount</c> and <c>shipping_progressive_discount</c> on the order list only
    /// (tray-api.md §4.2): when <c>/complete</c> left them out, they are taken from the order's list row.</summary>
    public static TrayOrderFetched WithListAdjustments(TrayOrderFetched order, JsonElement listRow) => order with
    {
        ProgressiveDiscount = order.ProgressiveDiscount ?? MoneyOrNull(listRow, "progressive_discount") ?? 0m,
        ShippingProgressiveDiscount = order.ShippingProgressiveDiscount ?? MoneyOrNull(listRow, "shipping_progressive_discount") ?? 0m,
    };

    /// <summary>Whether the order still lacks a field only the list documents.</summary>
    public static bool LacksListAdjustments(TrayOrderFetched order) => order.ProgressiveDiscount is null || order.ShippingProgressiveDiscount is null;

    private static decimal? MoneyOrNull(JsonElement element, string name) =>
        decimal.TryParse(element.Text(name), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Tray spells the cancelled type both ways in the wild (tray-api.md §4.6), and custom statuses keep the name.</summary>
    public static bool IsCancelled(JsonElement status, string? statusName) =>
        status.Text("type") is "canceled" or "cancelled"
        || (statusName ?? status.Text("status"))?.StartsWith("CANCELAD", StringComparison.OrdinalIgnoreCase) == true;

    private static DateTimeOffset? PlacedAt(JsonElement order) =>
        DateTime.TryParseExact($"{order.Text("date")} {order.Text("hour") ?? "00:00:00"}", "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var local) ? TrayLocalTimeConverter.FromSaoPaulo(local) : null;

    /// <summary><c>coupon {code, discount}</c> when present, else <c>discount_coupon</c>'s <c>"{code}/{value}"</c> (§4.5).</summary>
    private static (string? Code, decimal Discount) Coupon(JsonElement order)
    {
        var coupon = order.Object("coupon");
        if (coupon.IsPresent()) return (coupon.Text("code"), coupon.Money("discount"));
        if (order.Text("discount_coupon") is not { } text) return (null, 0m);
        var slash = text.LastIndexOf('/');
        if (slash < 0) return (null, 0m);
        return (text[..slash], decimal.TryParse(text[(slash + 1)..], NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : 0m);
    }

    private static TrayOrderItem Item(JsonElement item)
    {
        var label = string.Join(", ", item.List("Sku").Select(s => $"{s.Text("type")}: {s.Text("value")}").Where(s => s != ": "));
        return new TrayOrderItem(item.Id("product_id") ?? "", item.Id("variant_id"), item.Text("reference") ?? "",
            item.Text("name") ?? item.Text("original_name") ?? "", item.Money("quantity"), item.Money("price"), item.Money("original_price"),
            Ncm: null, item.Text("ean"), label.Length > 0 ? label : null);
    }

    private static TrayOrderMarketplace? Marketplace(JsonElement order)
    {
        if (order.List("MarketplaceOrder", "MarketplaceOrder").FirstOrDefault(m => m.Text("marketplace_name") is not null) is { ValueKind: JsonValueKind.Object } m)
            return new TrayOrderMarketplace(m.Text("marketplace_name")!, m.Text("marketplace_order_id"), Digits.OrNull(m.Text("marketplace_document")),
                m.Text("marketplace_seller_id"), Digits.OrNull(m.Text("payment_responsible_document")));
        return order.List("MlOrder", "MlOrder").FirstOrDefault(m => m.IsPresent()) is { ValueKind: JsonValueKind.Object } ml
            ? new TrayOrderMarketplace(OrderOrigin.MercadoLivre, ml.Text("order_id") ?? ml.Text("codigo"), null, ml.Text("user_id"), null)
            : null;
    }
}
