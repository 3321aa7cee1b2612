using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Catalog;

/// <summary>A variant as Tray returns it (tray-api.md §3.6).</summary>
public static class VariantJson
{
    public static JsonObject Of(Variant v, string storeId, Func<string, bool> pictureStored) => new()
    {
        ["id"] = TrayValues.Id(v.Id), ["ean"] = v.Ean, ["order"] = v.Order.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["product_id"] = TrayValues.Id(v.ProductId), ["price"] = TrayValues.Money(v.Price), ["cost_price"] = TrayValues.Money(v.CostPrice),
        ["stock"] = TrayValues.Number(v.Stock), ["minimum_stock"] = TrayValues.Number(v.MinimumStock), ["reference"] = v.Reference,
        ["weight"] = TrayValues.Number(v.Weight), ["cubic_weight"] = TrayValues.Number(Math.Round(v.Length * v.Width * v.Height / 6, 0)),
        ["length"] = TrayValues.Number(v.Length), ["width"] = TrayValues.Number(v.Width), ["height"] = TrayValues.Number(v.Height),
        ["start_promotion"] = TrayTime.Date(v.StartPromotion), ["end_promotion"] = TrayTime.Date(v.EndPromotion),
        ["promotional_price"] = TrayValues.Money(v.PromotionalPrice), ["payment_option"] = "", ["payment_option_details"] = new JsonArray(),
        ["available"] = TrayValues.Flag(v.Available), ["illustrative_image"] = "0", ["quantity_sold"] = TrayValues.Number(v.QuantitySold),
        ["color_id_1"] = "0", ["color_id_2"] = "0", ["modified"] = TrayTime.DateTime(v.Modified),
        ["Sku"] = TrayValues.Array(v.Sku.Select(s => (JsonNode)new JsonObject { ["type"] = s.Type, ["value"] = s.Value })),
        ["VariantImage"] = v.Pictures.ToJson(pictureStored, $"images.tray.sim/img/img_prod/{storeId}/variant_{v.Id}"),
    };
}
