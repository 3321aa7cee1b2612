using TrayBridge.Api.Catalog;
using TrayBridge.Catalog.Domain;
using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.Catalog.Features.Products;

/// <summary>The rules of variations (tray-api.md §3.6: a Tray variant has up to two grid axes, its own reference, EAN, prices,
/// stock and weight). Errors name fields as the client sent them: <c>variations[2].sku</c>.</summary>
public static class VariationValidation
{
    public const int MaxAxes = ProductLimits.MaxAxes, MaxVariations = ProductLimits.MaxVariations, MaxAxisText = ProductLimits.MaxAxisText;

    public static void Validate(ProductInput input, Action<bool, string, string> check)
    {
        var axes = input.VariationAxes ?? [];
        var variations = input.Variations ?? [];
        var namesOk = axes.All(a => !string.IsNullOrWhiteSpace(a) && a.Trim().Length <= MaxAxisText)
            && axes.Select(a => a?.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == axes.Count;
        check(namesOk, "variationAxes", $"Cada eixo tem um nome distinto, com até {MaxAxisText} caracteres.");
        check(variations.Count == 0 || axes.Count > 0, "variationAxes", "Informe os eixos em que as variações variam (ex.: Cor, Tamanho).");
        check(axes.Count <= MaxAxes, "variationAxes", "Um produto varia em no máximo dois eixos (ex.: Cor e Tamanho).");
        // With the axes wrong, every variation's values would be wrong too: the axes' error says it once.
        var axesOk = namesOk && axes.Count is > 0 and <= MaxAxes;
        check(variations.Count <= MaxVariations, "variations", $"Um produto tem até {MaxVariations} variações.");

        var skus = new HashSet<string>(StringComparer.Ordinal) { input.Sku?.Trim() ?? "" };
        var grid = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < variations.Count; i++)
        {
            var v = variations[i];
            var field = $"variations[{i}].";
            var sku = v.Sku?.Trim();
            check(!string.IsNullOrEmpty(sku) && sku.Length <= ProductLimits.MaxSku, field + "sku", $"Informe a referência (SKU), com até {ProductLimits.MaxSku} caracteres.");
            check(string.IsNullOrEmpty(sku) || skus.Add(sku), field + "sku", $"A referência '{sku}' aparece duas vezes neste produto.");
            var values = v.Values ?? [];
            check(!axesOk || (values.Count == axes.Count && values.All(x => !string.IsNullOrWhiteSpace(x) && x.Trim().Length <= MaxAxisText)),
                field + "values", $"Um valor por eixo ({axes.Count}), cada um com até {MaxAxisText} caracteres.");
            check(!axesOk || grid.Add(string.Join('\u001f', values.Select(x => x?.Trim()))), field + "values",
                "Outra variação deste produto tem os mesmos valores.");
            check(string.IsNullOrWhiteSpace(v.Ean) || Gtin.IsValid(v.Ean.Trim()), field + "ean",
                "O EAN/GTIN deve ter 8, 12, 13 ou 14 dígitos e dígito verificador válido.");
            check(v.Price > 0, field + "price", "O preço deve ser maior que zero.");
            check(v.PromotionalPrice is not { } promo || (promo > 0 && promo < v.Price), field + "promotionalPrice",
                "O preço promocional deve ser maior que zero e menor que o preço.");
            check(v.CostPrice is null or >= 0, field + "costPrice", "O preço de custo não pode ser negativo.");
            check(v.Stock >= 0, field + "stock", "O estoque não pode ser negativo.");
            check(v.WeightGrams is null or >= 0, field + "weightGrams", "O peso não pode ser negativo.");
        }
    }
}
