using TrayBridge.Api.Catalog;
using TrayBridge.Catalog.Domain;

namespace TrayBridge.Catalog.Features.Products;

/// <summary>Turns the variations a user sent into the product's, keeping each one's identity: by the id it was given, else by
/// its SKU; only the rest are new. A variation left out is gone (the connector removes its Tray variant).</summary>
internal static class ProductVariations
{
    /// <summary>Ids that are not this product's variations, or that are sent twice.</summary>
    public static Dictionary<string, string[]> CheckIds(Product product, ProductInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var seen = new HashSet<Guid>();
        var variations = input.Variations ?? [];
        for (var i = 0; i < variations.Count; i++)
            if (variations[i].Id is { } id && (!seen.Add(id) || product.Variations.All(v => v.Id != id)))
                errors[$"variations[{i}].id"] = [$"A variação {id} não é deste produto (ou foi enviada duas vezes)."];
        return errors;
    }

    public static void Apply(Product product, ProductInput input)
    {
        var inputs = input.Variations ?? [];
        var byId = inputs.Where(v => v.Id is not null).Select(v => v.Id!.Value).ToHashSet();
        var bySku = product.Variations.Where(v => !byId.Contains(v.Id)).ToDictionary(v => v.Sku, StringComparer.Ordinal);
        product.VariationAxes = (input.VariationAxes ?? []).Select(a => a.Trim()).ToList();
        product.Variations = inputs.Select(v =>
        {
            var sku = v.Sku!.Trim();
            var id = v.Id ?? (bySku.Remove(sku, out var kept) ? kept.Id : Guid.CreateVersion7());
            return new ProductVariation
            {
                Id = id, Sku = sku, Values = (v.Values ?? []).Select(x => x!.Trim()).ToList(), Ean = Blank(v.Ean), Price = v.Price,
                PromotionalPrice = v.PromotionalPrice, CostPrice = v.CostPrice, Stock = v.Stock, WeightGrams = v.WeightGrams,
            };
        }).ToList();
        // Tray counts a product with variants as the sum of their stock: the ERP says the same.
        if (product.Variations.Count > 0) product.Stock = product.Variations.Sum(v => v.Stock);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
