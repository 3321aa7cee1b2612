using System.Globalization;
using TrayBridge.Contracts.Catalog;
using TrayBridge.TrayConnector.Tray.Json;

namespace TrayBridge.TrayConnector.Features.ProductExport;

/// <summary>An ERP variation as Tray's <c>{"Variant": {...}}</c> body (tray-api.md §3.6). The grid goes as
/// <c>type_1/value_1/type_2/value_2</c> — DEV21's JSON example and TCLIB, where the form example uses <c>Sku[]</c>; which one
/// Tray requires is unconfirmed. Weight and dimensions are the product's unless the variation has its own weight; the
/// promotion runs in the product's period. Pictures: only the slots that change what Tray holds, as on the product (<see cref="PictureSlots"/>).</summary>
public static class TrayVariantBody
{
    public static Dictionary<string, object> From(ProductToExport product, VariantToExport v, int order, string trayProductId,
        IReadOnlyList<string>? picturesOnTray)
    {
        var variant = new Dictionary<string, object?>
        {
            ["product_id"] = trayProductId, ["reference"] = v.Sku, ["ean"] = v.Ean ?? "", ["order"] = order,
            ["price"] = v.Price, ["cost_price"] = v.CostPrice ?? 0, ["promotional_price"] = v.PromotionalPrice ?? 0,
            ["start_promotion"] = Date(v.PromotionalPrice is null ? null : product.PromotionStart),
            ["end_promotion"] = Date(v.PromotionalPrice is null ? null : product.PromotionEnd),
            ["stock"] = v.Stock, ["weight"] = v.WeightGrams ?? product.WeightGrams ?? 0,
            ["length"] = product.LengthCm ?? 0, ["width"] = product.WidthCm ?? 0, ["height"] = product.HeightCm ?? 0,
        };
        for (var axis = 0; axis < product.VariationAxes.Count && axis < v.Values.Count; axis++)
        {
            variant[$"type_{axis + 1}"] = product.VariationAxes[axis];
            variant[$"value_{axis + 1}"] = v.Values[axis];
        }
        PictureSlots.AddTo(variant, picturesOnTray, v.ImageUrls);
        return TrayJson.Envelope("Variant", variant);
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
