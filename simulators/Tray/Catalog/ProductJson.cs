using System.Globalization;
using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Stores;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Catalog;

/// <summary>A product as Tray returns it, every scalar a string, variants as ids only (tray-api.md §3.3).</summary>
public static class ProductJson
{
    public static JsonObject Of(Product p, Store store, DateOnly today, Func<string, bool> pictureStored)
    {
        var variants = store.Variants.Values.Where(v => v.ProductId == p.Id).Select(v => v.Id).ToList();
        var category = store.Categories.GetValueOrDefault(p.CategoryId);
        var current = p.CurrentPrice(today);
        return new JsonObject
        {
            ["id"] = TrayValues.Id(p.Id), ["ean"] = p.Ean, ["ncm"] = p.Ncm, ["name"] = p.Name, ["title"] = p.Name,
            ["slug"] = Slug.Of(p.Name), ["reference"] = p.Reference, ["model"] = p.Model, ["brand"] = p.Brand,
            ["brand_id"] = TrayValues.Id(p.BrandId), ["is_kit"] = "0", ["virtual_product"] = "0",
            ["description"] = p.Description, ["description_small"] = p.DescriptionSmall,
            ["price"] = TrayValues.Money(p.Price), ["cost_price"] = TrayValues.Money(p.CostPrice),
            ["promotional_price"] = TrayValues.Money(p.PromotionalPrice),
            ["start_promotion"] = TrayTime.Date(p.StartPromotion),
            ["end_promotion"] = TrayTime.Date(p.EndPromotion),
            ["current_price"] = TrayValues.Money(current),
            ["percentage_discount"] = p.Price > 0 ? Math.Round((current - p.Price) / p.Price * 100, 6).ToString("0.000000", CultureInfo.InvariantCulture) : "0.000000",
            ["ipi"] = "0.000000", ["upon_request"] = TrayValues.Flag(p.Price == 0),
            ["weight"] = TrayValues.Number(p.Weight), ["length"] = TrayValues.Number(p.Length),
            ["width"] = TrayValues.Number(p.Width), ["height"] = TrayValues.Number(p.Height),
            ["cubic_weight"] = TrayValues.Number(Math.Round(p.Length * p.Width * p.Height / 6, 0)),
            ["free_shipping"] = TrayValues.Flag(p.FreeShipping),
            ["stock"] = TrayValues.Number(p.Stock), ["minimum_stock"] = TrayValues.Number(p.MinimumStock),
            ["minimum_stock_alert"] = "0", ["available"] = TrayValues.Flag(p.Available),
            ["available_for_purchase"] = TrayValues.Flag(p.Available && p.Stock > 0), ["quantity_sold"] = TrayValues.Number(p.QuantitySold),
            ["category_id"] = TrayValues.Id(p.CategoryId), ["category_name"] = category?.Name ?? "",
            ["related_categories"] = new JsonArray(), ["Properties"] = new JsonArray(), ["AdditionalInfos"] = new JsonArray(),
            ["hot"] = "0", ["release"] = "0", ["release_date"] = "", ["has_variation"] = TrayValues.Flag(variants.Count > 0),
            ["activation_date"] = TrayTime.ZeroDate, ["deactivation_date"] = TrayTime.ZeroDate,
            ["image"] = TrayValues.Flag(p.Pictures.Urls.Any(pictureStored)),
            ["ProductImage"] = p.Pictures.ToJson(pictureStored, $"images.tray.sim/img/img_prod/{store.Id}/{p.Id}"),
            ["url"] = new JsonObject
            {
                ["http"] = $"http://loja{store.Id}.commercesuite.com.br/{Slug.Of(p.Name)}", ["https"] = $"https://loja{store.Id}.commercesuite.com.br/{Slug.Of(p.Name)}",
            },
            ["Variant"] = TrayValues.IdsOnly(variants),
            ["created"] = TrayTime.DateTime(p.Created), ["modified"] = TrayTime.DateTime(p.Modified),
            ["rating"] = "0", ["count_rating"] = "0",
        };
    }
}
