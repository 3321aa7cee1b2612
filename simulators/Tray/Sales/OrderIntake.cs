using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Stores;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Sales;

/// <summary>
/// Builds an order from a <c>POST /orders</c> body (tray-api.md §4.7): the buyer as <c>customer_id</c> or a nested
/// <c>Customer</c> (created with its addresses), items as <c>ProductsSold</c> under the order or, as DEV21's curl has it,
/// under the customer. The caller holds the store's lock.
/// </summary>
public static class OrderIntake
{
    public static (Order? Order, string? Refusal) Build(Store store, JsonObject body, DateTimeOffset now)
    {
        var customer = ResolveCustomer(store, body, now);
        if (customer is null) return (null, "Informe customer_id ou Customer");
        var lines = body.Objects("ProductsSold").Concat((body["Customer"] as JsonObject)?.Objects("ProductsSold") ?? []).ToList();
        if (lines.Count == 0) return (null, "Informe os produtos em ProductsSold");
        var statusId = body.Long("status_id") ?? 9;
        if (!store.Statuses.ContainsKey(statusId)) return (null, "status_id inexistente");

        var order = new Order
        {
            Id = store.NextId("order", 1000), Created = now, Modified = now, StatusId = statusId, CustomerId = customer.Id,
            DeliveryAddressId = store.Addresses.Values.Where(a => a.CustomerId == customer.Id).OrderByDescending(a => a.Type).Select(a => a.Id).FirstOrDefault(),
            PointSale = body.Text("point_sale") ?? "LOJA VIRTUAL", SessionId = body.Text("session_id") ?? "",
            Shipment = body.Text("shipment") ?? "", ShipmentValue = body.Decimal("shipment_value") ?? 0,
            PaymentForm = body.Text("payment_form") ?? "", ExternalCode = body.Text("external_code") ?? "",
            Discount = body.Decimal("discount") ?? 0, Taxes = body.Decimal("taxes") ?? 0,
        };
        foreach (var line in lines)
        {
            if (!store.Products.TryGetValue(line.Long("product_id") ?? 0, out var product)) return (null, "Produto informado em ProductsSold não existe");
            var variant = store.Variants.GetValueOrDefault(line.Long("variant_id") ?? 0);
            var price = line.Decimal("price") ?? variant?.Price ?? product.CurrentPrice(Tray.TrayTime.Day(now));
            order.Items.Add(OrderLines.Of(store, product, variant, line.Decimal("quantity") ?? 1, price, line.Decimal("original_price") ?? price));
        }
        if (body.Objects("MarketplaceOrder").FirstOrDefault() is { } m)
            order.Marketplace = new MarketplaceOrder(m.Text("marketplace_name") ?? "", m.Text("marketplace_seller_name") ?? "",
                m.Text("marketplace_seller_id") ?? "", m.Text("marketplace_document") ?? "", m.Text("payment_responsible_document") ?? "",
                m.Text("marketplace_order_id") ?? "", m.Text("marketplace_shipping_id") ?? "", m.Text("marketplace_shipping_type") ?? "",
                m.Text("marketplace_internal_status") ?? "");
        return (order, null);
    }

    private static Customer? ResolveCustomer(Store store, JsonObject body, DateTimeOffset now)
    {
        if (body.Long("customer_id") is { } id) return store.Customers.GetValueOrDefault(id);
        return body["Customer"] is JsonObject data ? CustomerRegistration.Create(store, data, now) : null;
    }
}
