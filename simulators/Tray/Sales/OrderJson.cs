using System.Globalization;
using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Settings;
using TrayBridge.TraySimulator.Stores;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Sales;

/// <summary>An order in its three shapes: list element (§4.2), <c>/orders/{id}</c> (§4.3) and <c>/complete</c> (§4.4).</summary>
public static class OrderJson
{
    public static JsonObject ListItem(Order o, Store store)
    {
        var status = store.Statuses.GetValueOrDefault(o.StatusId);
        var invoices = store.Invoices.Values.Where(i => i.OrderId == o.Id).ToList();
        var json = new JsonObject
        {
            ["status"] = status?.Status ?? "", ["id"] = TrayValues.Id(o.Id), ["date"] = TrayTime.Date(o.Created),
            ["customer_id"] = TrayValues.Id(o.CustomerId), ["partial_total"] = TrayValues.Money(o.PartialTotal),
            ["taxes"] = TrayValues.Money(o.Taxes), ["discount"] = TrayValues.Money(o.Discount), ["point_sale"] = o.PointSale,
            ["shipment"] = o.Shipment, ["shipment_value"] = TrayValues.Money(o.ShipmentValue), ["shipment_date"] = TrayTime.ZeroDate,
            ["store_note"] = o.StoreNote, ["discount_coupon"] = o.Coupon?.DiscountCoupon ?? "", ["payment_method_rate"] = TrayValues.Money(o.PaymentMethodRate),
            ["value_1"] = "0.00", ["payment_form"] = o.PaymentForm, ["sending_code"] = o.SendingCode, ["session_id"] = o.SessionId,
            ["total"] = TrayValues.Money(o.Total), ["payment_date"] = TrayTime.Date(o.PaymentDate), ["access_code"] = o.AccessCode,
            ["progressive_discount"] = TrayValues.Money(o.ProgressiveDiscount), ["shipping_progressive_discount"] = TrayValues.Money(o.ShippingProgressiveDiscount), ["shipment_integrator"] = "",
            ["modified"] = TrayTime.DateTime(o.Modified), ["printed"] = "", ["interest"] = TrayValues.Money(o.Interest),
            ["id_quotation"] = "", ["estimated_delivery_date"] = TrayTime.Date(o.Created.AddDays(7)), ["external_code"] = o.ExternalCode,
            ["has_payment"] = TrayValues.Flag(o.PaymentDate is not null), ["has_shipment"] = TrayValues.Flag(o.SendingCode.Length > 0),
            ["has_invoice"] = TrayValues.Flag(invoices.Count > 0), ["total_comission_user"] = "0.00", ["total_comission"] = "0.00",
            ["is_traceable"] = "", ["OrderStatus"] = status?.ToJson() ?? new JsonObject(), ["PickupLocation"] = new JsonArray(),
            ["ProductsSold"] = TrayValues.IdsOnly(o.Items.Select(i => i.Id)), ["Payment"] = new JsonArray(),
            ["OrderInvoice"] = TrayValues.Array(invoices.Select(i => (JsonNode)new JsonObject { ["id"] = TrayValues.Id(i.Id), ["link"] = i.Link })),
            ["MlOrder"] = new JsonArray(), ["OrderTransactions"] = new JsonArray(),
            ["MarketplaceOrder"] = MarketplaceJson.Orders(o), ["Extensions"] = new JsonArray(),
        };
        // Present only when a coupon was used, where DEV21's list example has it.
        if (o.Coupon is { } coupon)
            json.Insert(json.IndexOf("is_traceable"), "coupon",
                new JsonObject { ["code"] = coupon.Code, ["discount"] = TrayValues.Money(coupon.Discount) });
        return json;
    }

    public static JsonObject Detail(Order o, Store store)
    {
        var json = ListItem(o, store);
        json["hour"] = TrayTime.Time(o.Created);
        json["delivered"] = "";
        json["shipping_cancelled"] = "0";
        json["customer_note"] = o.CustomerNote;
        json["partner_id"] = TrayValues.Id(o.PartnerId);
        json["installment"] = o.Installment.ToString(CultureInfo.InvariantCulture);
        json["sending_date"] = TrayTime.Date(o.SendingDate);
        json["billing_address"] = "0";
        json["delivery_time"] = "7";
        json["payment_method_id"] = TrayValues.Id(o.PaymentMethodId);
        json["payment_method"] = o.PaymentForm;
        json["tracking_url"] = o.TrackingUrl;
        json["CustomerAddress"] = new JsonObject { ["id"] = TrayValues.Id(o.DeliveryAddressId) };
        json["ShippingLabel"] = new JsonObject { ["application"] = "", ["url"] = "" };
        json["payments_notification"] = new JsonObject { ["notification"] = "" };
        json["partner_name"] = "";
        return json;
    }

    public static JsonObject Complete(Order o, Store store)
    {
        var json = Detail(o, store);
        json["payment_method_type"] = o.PaymentMethodType;
        json["cost"] = "0";
        json["urls"] = new JsonObject { ["payment"] = $"https://loja{store.Id}.commercesuite.com.br/loja/pagamento.php?loja={store.Id}&pedido={o.Id}" };
        json["Customer"] = store.Customers.TryGetValue(o.CustomerId, out var customer) ? CustomerJson.InOrder(customer, store) : new JsonArray();
        json["ProductsSold"] = TrayValues.Array(o.Items.Select(i => (JsonNode)new JsonObject { ["ProductsSold"] = ProductsSoldJson.Of(i, o) }));
        json["Payment"] = o.PaymentDate is { } paid
            ? new JsonArray(new JsonObject { ["Payment"] = PaymentJson(o, paid) })
            : new JsonArray();
        json["OrderInvoice"] = TrayValues.Array(store.Invoices.Values.Where(i => i.OrderId == o.Id)
            .Select(i => (JsonNode)new JsonObject { ["OrderInvoice"] = i.ToJson(withCfop: true) }));
        json["MlOrder"] = MarketplaceJson.MlOrders(o);
        json["OrderTransactions"] = new JsonArray(new JsonObject { ["url_payment"] = json["urls"]!["payment"]!.DeepClone(), ["bank_slip"] = "" });
        json["OrderInvoiceAmount"] = new JsonArray();
        json["ExtraTabs"] = new JsonArray();
        json["PaymentMethodMessage"] = new JsonObject { ["text"] = "", ["text_pag"] = "", ["text_confirm"] = "", ["confirmation"] = "0" };
        return new JsonObject { ["Order"] = json, ["Extensions"] = new JsonArray(), ["User"] = new JsonArray(), ["Confirmation"] = new JsonArray() };
    }

    /// <summary>Drops what DEV21 shows on the list only, when the settings say so (<see cref="SimulatorSettings.ProgressiveDiscountsOnListOnly"/>).</summary>
    public static JsonObject WithoutListOnly(this JsonObject json, SimulatorSettings settings)
    {
        if (!settings.ProgressiveDiscountsOnListOnly) return json;
        var order = json["Order"] as JsonObject ?? json;
        order.Remove("progressive_discount");
        order.Remove("shipping_progressive_discount");
        return json;
    }

    private static JsonObject PaymentJson(Order o, DateTimeOffset paid) => new()
    {
        ["id"] = TrayValues.Id(o.Id * 10 + 1), ["order_id"] = TrayValues.Id(o.Id), ["payment_method_id"] = TrayValues.Id(o.PaymentMethodId),
        ["method"] = o.PaymentForm, ["payment_place"] = o.Marketplace?.MarketplaceName ?? "Loja", ["value"] = TrayValues.Money(o.Total),
        ["date"] = TrayTime.Date(paid), ["note"] = "", ["created"] = TrayTime.DateTime(paid), ["modified"] = TrayTime.DateTime(paid),
    };
}
