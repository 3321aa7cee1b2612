using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Sales;

/// <summary>A Tray order (tray-api.md §4). Money adds up as in DEV21's examples (§4.5).</summary>
public sealed class Order
{
    public long Id { get; init; }
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset Modified { get; set; }
    public long StatusId { get; set; }
    public long CustomerId { get; set; }
    public long DeliveryAddressId { get; set; }
    public List<OrderItem> Items { get; } = [];
    public decimal Discount { get; set; }
    public OrderCoupon? Coupon { get; set; }
    public decimal Taxes { get; set; }
    public string Shipment { get; set; } = "";
    public decimal ShipmentValue { get; set; }
    public string PaymentForm { get; set; } = "";
    public long PaymentMethodId { get; set; }
    public string PaymentMethodType { get; set; } = "";
    public int Installment { get; set; } = 1;
    /// <summary>Negative for a payment-method discount, as stores give for PIX (§4.5 leaves the sign UNCONFIRMED).</summary>
    public decimal PaymentMethodRate { get; set; }
    public decimal Interest { get; set; }
    /// <summary>Tray's list view shows it among "other adjustments" (§4.2, §4.5); taken off the total here — how it adds up is
    /// UNCONFIRMED, and an importer that ignores it meets an order whose total does not reconcile.</summary>
    public decimal ProgressiveDiscount { get; set; }
    /// <summary>The freight's progressive discount (<c>shipping_progressive_discount</c>, e.g. free shipping above an amount),
    /// taken off the total like <see cref="ProgressiveDiscount"/>; never more than <see cref="ShipmentValue"/>.</summary>
    public decimal ShippingProgressiveDiscount { get; set; }
    /// <summary>An amount taken off the total that no field shows: an order no importer can reconcile, for tests of that case.</summary>
    public decimal UnlistedDiscount { get; set; }
    public DateTimeOffset? PaymentDate { get; set; }
    public string PointSale { get; set; } = "LOJA VIRTUAL";
    public long PartnerId { get; set; }
    public string SessionId { get; set; } = "";
    public string ExternalCode { get; set; } = "";
    public string AccessCode { get; set; } = "";
    public string SendingCode { get; set; } = "";
    public DateOnly? SendingDate { get; set; }
    public string TrackingUrl { get; set; } = "";
    public string StoreNote { get; set; } = "";
    public string CustomerNote { get; set; } = "";
    public MarketplaceOrder? Marketplace { get; set; }

    /// <summary>Whether the items are counted against stock now (on creation or payment, then given back on cancellation).</summary>
    public bool StockTaken { get; set; }

    public decimal PartialTotal => Items.Sum(i => i.Total);

    /// <summary>How DEV21's examples add up (§4.5); the coupon is taken off besides the order discount, and so are the
    /// progressive discounts (on the items and on the freight) and an unlisted discount (0 unless a test asks for one).</summary>
    public decimal Total => PartialTotal - Discount - (Coupon?.Discount ?? 0) - ProgressiveDiscount - ShippingProgressiveDiscount - UnlistedDiscount
                            + ShipmentValue + Taxes + PaymentMethodRate + Interest;

    /// <summary>The members <c>PUT /orders/{id}</c> may change besides <c>status_id</c> (§4.8).</summary>
    public void ApplyUpdate(JsonObject body, DateTimeOffset now)
    {
        Taxes = body.Decimal("taxes") ?? Taxes;
        Discount = body.Decimal("discount") ?? Discount;
        Shipment = body.Text("shipment") ?? Shipment;
        ShipmentValue = body.Decimal("shipment_value") ?? ShipmentValue;
        SendingCode = body.Text("sending_code") ?? SendingCode;
        if (body.Text("sending_date") is { } sending) SendingDate = TrayTime.ParseDay(sending);
        TrackingUrl = body.Text("tracking_url") ?? TrackingUrl;
        StoreNote = body.Text("store_note") ?? StoreNote;
        CustomerNote = body.Text("customer_note") ?? CustomerNote;
        PartnerId = body.Long("partner_id") ?? PartnerId;
        Modified = now;
    }
}

/// <summary>An order item ("ProductsSold"), with the product's data as it was when sold.</summary>
public sealed record OrderItem(long Id, long ProductId, long VariantId, string Name, string Reference, string Ean, decimal Quantity,
    decimal Price, decimal OriginalPrice, decimal CostPrice, decimal Weight, decimal Length, decimal Width, decimal Height,
    IReadOnlyList<(string Type, string Value)> Sku, long CategoryId, string CategoryName)
{
    public decimal Total => Math.Round(Price * Quantity, 2, MidpointRounding.AwayFromZero);
}

/// <summary>The marketplace an order came through (§4.7, §4.9); <see cref="Native"/> for Tray's own Mercado Livre
/// integration, which fills <c>MlOrder</c> and leaves <c>MarketplaceOrder</c> empty.</summary>
public sealed record MarketplaceOrder(string MarketplaceName, string SellerName, string SellerId, string MarketplaceDocument,
    string PaymentResponsibleDocument, string MarketplaceOrderId, string ShippingId, string ShippingType, string InternalStatus)
{
    public bool Native { get; init; }
}
