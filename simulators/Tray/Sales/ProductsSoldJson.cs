using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Sales;

/// <summary>An order item as <c>/complete</c> carries it (tray-api.md §4.4).</summary>
public static class ProductsSoldJson
{
    public static JsonObject Of(OrderItem i, Order o) => new()
    {
        ["id"] = TrayValues.Id(i.Id), ["product_id"] = TrayValues.Id(i.ProductId), ["order_id"] = TrayValues.Id(o.Id),
        ["variant_id"] = TrayValues.Id(i.VariantId), ["name"] = i.Name, ["original_name"] = i.Name, ["reference"] = i.Reference,
        ["ean"] = i.Ean, ["quantity"] = TrayValues.Number(i.Quantity), ["price"] = TrayValues.Money(i.Price),
        ["original_price"] = TrayValues.Money(i.OriginalPrice), ["cost_price"] = TrayValues.Money(i.CostPrice),
        ["weight"] = TrayValues.Number(i.Weight), ["weight_cubic"] = TrayValues.Number(Math.Round(i.Length * i.Width * i.Height / 6, 0)),
        ["length"] = TrayValues.Number(i.Length), ["width"] = TrayValues.Number(i.Width), ["height"] = TrayValues.Number(i.Height),
        ["additional_information"] = "",
        ["Sku"] = TrayValues.Array(i.Sku.Select(s => (JsonNode)new JsonObject { ["type"] = s.Type, ["value"] = s.Value })),
        ["Category"] = i.CategoryId == 0 ? new JsonArray() : new JsonArray(new JsonObject
        {
            ["id"] = TrayValues.Id(i.CategoryId), ["name"] = i.CategoryName, ["main_category"] = "1",
        }),
        ["ProductSoldImage"] = new JsonArray(),
        ["Stock"] = new JsonObject { ["id"] = "1", ["name"] = "Loja" },
    };
}
