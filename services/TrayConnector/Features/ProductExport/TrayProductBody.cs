using System.Globalization;
using TrayBridge.Contracts.Catalog;
using TrayBridge.TrayConnector.Features.CatalogMapping;
using TrayBridge.TrayConnector.Tray.Json;

namespace TrayBridge.TrayConnector.Features.ProductExport;

/// <summary>A product snapshot as Tray's <c>{"Product": {...}}</c> body (tray-api.md §3.4). Every field is sent, so an
/// update leaves nothing stale on Tray — except pictures: only the <c>picture_source_N</c> slots that change what Tray holds
/// (<see cref="PictureSlots"/>; Tray downloads every picture it is given again).</summary>
public static class TrayProductBody
{
    /// <param name="picturesOnTray">What Tray holds, slot 1 first; null when unknown (every slot is sent).</param>
    public static Dictionary<string, object> From(ProductToExport p, IReadOnlyList<string>? picturesOnTray,
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
        PictureSlots.AddTo(product, picturesOnTray, p.ImageUrls);
        return TrayJson.Envelope("Product", product);
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
