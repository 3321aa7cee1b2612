using TrayBridge.Catalog.Domain;

namespace TrayBridge.Catalog.Features.Products;

/// <summary>The rules of variations (tray-api.md §3.6: a Tray variant has up to two grid axes, its own reference, EAN, prices,
/// stock and weight). Errors name fields as the client sent them: <c>variations[2].sku</c>.</summary>
public static class VariationValidation
{
    public const int MaxAxes = 2, MaxVariations = 100, MaxAxisText = 50;

    public static void Validate(ProductInput input, Action<bool, string, string> check)
    {
        var axes = input.VariationAxes ?? [];
        var variations = input.Variations ?? [];
        var namesOk = axes.All(a => !string.IsNullOrWhiteSpace(a) && a.Trim().Length <= MaxAxisText)
            && axes.Select(a => a?.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == axes.Count;
        check(namesOk, "variationAxes", $"Each axis has a distinct name of up to {MaxAxisText} characters.");
        check(variations.Count == 0 || axes.Count > 0, "variationAxes", "Name the axes the variations vary on (e.g. Cor, Tamanho).");
        check(axes.Count <= MaxAxes, "variationAxes", "A product varies on at most two axes (e.g. Cor and Tamanho).");
        // With the axes wrong, every variation's values would be wrong too: the axes' error says it once.
        var axesOk = namesOk && axes.Count is > 0 and <= MaxAxes;
        check(variations.Count <= MaxVariations, "variations", $"A product has up to {MaxVariations} variations.");

        var skus = new HashSet<string>(StringComparer.Ordinal) { input.Sku?.Trim() ?? "" };
        var grid = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < variations.Count; i++)
        {
            var v = variations[i];
            var field = $"variations[{i}].";
            var sku = v.Sku?.Trim();
            check(!string.IsNullOrEmpty(sku) && sku.Length <= 60, field + "sku", "SKU/reference is required, up to 60 characters.");
            check(string.IsNullOrEmpty(sku) || skus.Add(sku), field + "sku", $"SKU '{sku}' is used twice in this product.");
            var values = v.Values ?? [];
            check(!axesOk || (values.Count == axes.Count && values.All(x => !string.IsNullOrWhiteSpace(x) && x.Trim().Length <= MaxAxisText)),
                field + "values", $"One value per axis ({axes.Count}), each up to {MaxAxisText} characters.");
            check(!axesOk || grid.Add(string.Join('\u001f', values.Select(x => x?.Trim()))), field + "values",
                "Another variation of this product has the same values.");
            check(string.IsNullOrWhiteSpace(v.Ean) || Gtin.IsValid(v.Ean.Trim()), field + "ean",
                "EAN/GTIN must have 8, 12, 13 or 14 digits and a valid check digit.");
            check(v.Price > 0, field + "price", "Price must be greater than zero.");
            check(v.PromotionalPrice is not { } promo || (promo > 0 && promo < v.Price), field + "promotionalPrice",
                "Promotional price must be greater than zero and lower than the price.");
            check(v.CostPrice is null or >= 0, field + "costPrice", "Cost price cannot be negative.");
            check(v.Stock >= 0, field + "stock", "Stock cannot be negative.");
            check(v.WeightGrams is null or >= 0, field + "weightGrams", "Weight cannot be negative.");
        }
    }
}
