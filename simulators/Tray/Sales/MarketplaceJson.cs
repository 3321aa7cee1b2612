using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Sales;

/// <summary><c>MarketplaceOrder</c> and <c>MlOrder</c> of an order; <c>[]</c> when it came through the store itself.</summary>
public static class MarketplaceJson
{
    public static JsonArray Orders(Order o) => o.Marketplace is not { Native: false } m ? [] : new JsonArray(new JsonObject
    {
        ["MarketplaceOrder"] = new JsonObject
        {
            ["marketplace_name"] = m.MarketplaceName, ["marketplace_seller_name"] = m.SellerName,
            ["marketplace_seller_id"] = m.SellerId, ["marketplace_document"] = m.MarketplaceDocument,
            ["payment_responsible_document"] = m.PaymentResponsibleDocument, ["marketplace_order_id"] = m.MarketplaceOrderId,
            ["marketplace_shipping_id"] = m.ShippingId, ["marketplace_shipping_type"] = m.ShippingType,
            ["marketplace_internal_status"] = m.InternalStatus,
        },
    });

    /// <summary>Mercado Livre's integration details (§4.4), only for its orders (through a hub or Tray's own integration).</summary>
    public static JsonArray MlOrders(Order o) => o.Marketplace is not { MarketplaceName: "Mercado Livre" } m ? [] : new JsonArray(new JsonObject
    {
        ["MlOrder"] = new JsonObject
        {
            ["id"] = TrayValues.Id(o.Id), ["created"] = TrayTime.DateTime(o.Created), ["updated"] = TrayTime.DateTime(o.Modified),
            ["pedido_id"] = TrayValues.Id(o.Id), ["cliente_id"] = TrayValues.Id(o.CustomerId), ["codigo"] = m.MarketplaceOrderId,
            ["item_id"] = "MLB" + m.MarketplaceOrderId[..Math.Min(10, m.MarketplaceOrderId.Length)],
            ["item_quantity"] = TrayValues.Number(o.Items.Sum(i => i.Quantity)), ["item_title"] = o.Items.FirstOrDefault()?.Name ?? "",
            ["user_id"] = m.SellerId, ["nickname"] = m.SellerName, ["mercado_envio"] = "1", ["shipment_id"] = m.ShippingId,
            ["pack_id"] = "", ["status_frete_ml"] = "ready_to_ship", ["substatus_frete_ml"] = "invoice_pending", ["ml_coleta"] = "0",
            ["romaneio_id"] = "", ["invoice_data_id"] = "", ["service_id"] = "", ["logistic_type"] = "cross_docking",
            ["messages_locked_by"] = "", ["date_delivered"] = TrayTime.ZeroDateTime, ["estimated_delivery_time"] = TrayTime.Date(o.Created.AddDays(7)),
            ["estimated_handling_limit"] = TrayTime.Date(o.Created.AddDays(2)), ["shipping_option_id"] = "", ["pickup_id"] = "",
            ["order_id"] = m.MarketplaceOrderId, ["ml_collect"] = "0", ["shipping_mode"] = m.ShippingType,
            ["shipping_status"] = "ready_to_ship", ["shipping_substatus"] = "invoice_pending",
        },
    });
}
