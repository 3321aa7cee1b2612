using TrayBridge.Catalog.Domain;

namespace TrayBridge.Catalog.Features.Products;

/// <summary>Every rule a product must meet before it is stored; the errors name the fields as the client sent them.</summary>
public static class ProductValidation
{
    public static Dictionary<string, string[]> Validate(this ProductInput input)
    {
        var errors = new Dictionary<string, string[]>();
        void Check(bool ok, string field, string message)
        {
            if (!ok) errors[field] = [message];
        }

        Check(!string.IsNullOrWhiteSpace(input.Sku) && input.Sku.Trim().Length <= 60, "sku", "SKU/reference is required, up to 60 characters.");
        Check(!string.IsNullOrWhiteSpace(input.Name) && input.Name.Trim().Length <= 200, "name", "Name is required, up to 200 characters.");
        Check(Blank(input.Ean) || Gtin.IsValid(input.Ean!.Trim()), "ean", "EAN/GTIN must have 8, 12, 13 or 14 digits and a valid check digit.");
        Check(Blank(input.Ncm) || Digits(input.Ncm!, 8), "ncm", "NCM must have exactly 8 digits.");
        Check(Blank(input.Cest) || Digits(input.Cest!, 7), "cest", "CEST must have exactly 7 digits.");
        Check(input.Origin is null or (>= 0 and <= 8), "origin", "Origin (NF-e orig) goes from 0 to 8.");
        // NF-e's uCom takes 1 to 6 characters.
        Check(Blank(input.Unit) || input.Unit!.Trim().Length <= 6, "unit", "Commercial unit has up to 6 characters.");
        Check((input.Description?.Length ?? 0) <= 4_800, "description", "Description has up to 4,800 characters.");
        Check((input.ShortDescription?.Length ?? 0) <= 500, "shortDescription", "Short description has up to 500 characters.");
        // Tray shows a zero price as "sob consulta": refuse it rather than publish an unsellable product.
        Check(input.Price > 0, "price", "Price must be greater than zero.");
        Check(input.PromotionalPrice is not { } promo || (promo > 0 && promo < input.Price), "promotionalPrice",
            "Promotional price must be greater than zero and lower than the price.");
        Check(input.PromotionalPrice is not null || (input.PromotionStart is null && input.PromotionEnd is null), "promotionalPrice",
            "A promotion period needs a promotional price.");
        Check(input is not { PromotionStart: { } start, PromotionEnd: { } end } || start <= end, "promotionEnd",
            "The promotion cannot end before it starts.");
        Check(input.CostPrice is null or >= 0, "costPrice", "Cost price cannot be negative.");
        Check((input.Brand?.Trim().Length ?? 0) <= 100, "brand", "Brand has up to 100 characters.");
        Check(input.WeightGrams is null or >= 0, "weightGrams", "Weight cannot be negative.");
        Check(input.LengthCm is null or >= 0, "lengthCm", "Length cannot be negative.");
        Check(input.WidthCm is null or >= 0, "widthCm", "Width cannot be negative.");
        Check(input.HeightCm is null or >= 0, "heightCm", "Height cannot be negative.");
        Check(input.Stock >= 0, "stock", "Stock cannot be negative.");
        VariationValidation.Validate(input, Check);
        return errors;
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

    private static bool Digits(string value, int length) => value.Trim() is var v && v.Length == length && v.All(char.IsAsciiDigit);
}
