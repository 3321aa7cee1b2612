using System.Globalization;
using TrayBridge.Contracts.Catalog;
using TrayBridge.TrayConnector.Features.CatalogMapping;
using TrayBridge.TrayConnector.Tray.Json;

namespace TrayBridge.TrayConnector.Features.ProductExport;

/// <summary>A product snapshot as Tray's <c>{"Product": {...}}</c> body (tray-api.md §3.4). Every field is sent, so an
/// update leaves nothing stale on Tray; pictures go as <c>picture_source_1..6</c>, and only when they changed (Tray downloads
/// every picture it is given again).</summary>
public static class TrayProductBody
{
    public static Dictionary<string, object> From(ProductExportRequested p, IReadOnlyList<string> picturesOnTray,
        string? trayCategoryId, BrandResolver.Resolution brand)
    {
        var product = new Dictionary<string, object?>
        {
            ["name"] = p.Name, ["reference"] = p.Sku, ["ean"] = p.Ean ?? "", ["ncm"] = p.Ncm ?? "",
            ["description"] = p.Description ?? "", ["description_small"] = p.ShortDescription ?? "",
            ["price"] = p.Price, ["cost_price"] = p.CostPrice ?? 0, ["promotional_price"] = p.PromotionalPrice ?? 0,
            ["start_promotion"] = Date(p.PromotionStart), ["end_promotion"] = Date(p.PromotionEnd),
            ["brand"] = brand.Name, ["weight"] = p.WeightGrams ?? 0, ["length"] = p.LengthCm ?? 0, ["width"] = p.WidthCm ?? 0,
            ["height"] = p.HeightCm ?? 0, ["stock"] = p.Stock, ["available"] = p.Available ? 1 : 0,
        };
        // Without an ERP category (or brand id) the product keeps what the merchant set on Tray.
        if (trayCategoryId is not null) product["category_id"] = trayCategoryId;
        if (brand.TrayBrandId is { } brandId) product["brand_id"] = brandId;
        if (!p.ImageUrls.SequenceEqual(picturesOnTray))
            for (var slot = 1; slot <= 6; slot++)
                // A single space clears a slot on Tray (tray-api.md §3.5): removed pictures do not linger.
                product[$"picture_source_{slot}"] = slot <= p.ImageUrls.Count ? p.ImageUrls[slot - 1] : " ";
        return TrayJson.Envelope("Product", product);
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
