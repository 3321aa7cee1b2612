using TrayBridge.Api.Catalog;
using TrayBridge.Catalog.Domain;
using TrayBridge.ServiceDefaults.Text;

namespace TrayBridge.Catalog.Features.Products;

/// <summary>Puts what a user sent (<see cref="ProductInput"/>, checked by <see cref="ProductValidation"/>) on the product; each
/// change moves its version, so its situation on every store and the sync follow.</summary>
public static class ProductInputMapping
{
    public static void ApplyTo(this ProductInput input, Product product, DateTimeOffset now)
    {
        product.Sku = input.Sku!.Trim();
        product.Name = input.Name!.Trim();
        product.SearchName = TextFolding.Fold(product.Name);
        product.Ean = Blank(input.Ean);
        product.Ncm = Blank(input.Ncm);
        product.Cest = Blank(input.Cest);
        product.Origin = input.Origin ?? 0;
        product.Unit = Blank(input.Unit) ?? "UN";
        product.Description = Blank(input.Description);
        product.ShortDescription = Blank(input.ShortDescription);
        product.Price = input.Price;
        product.PromotionalPrice = input.PromotionalPrice;
        product.PromotionStart = input.PromotionStart;
        product.PromotionEnd = input.PromotionEnd;
        product.CostPrice = input.CostPrice;
        product.Brand = Blank(input.Brand);
        product.CategoryId = input.CategoryId;
        product.WeightGrams = input.WeightGrams;
        product.LengthCm = input.LengthCm;
        product.WidthCm = input.WidthCm;
        product.HeightCm = input.HeightCm;
        product.Stock = input.Stock;
        product.Available = input.Available ?? true;
        ProductVariations.Apply(product, input);
        product.Version++;
        product.UpdatedAt = now;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
