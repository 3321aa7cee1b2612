using TrayBridge.Api.Catalog;
using static TrayBridge.Api.Catalog.ProductLimits;
using TrayBridge.Catalog.Domain;
using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.Catalog.Features.Products;

/// <summary>Every rule a product must meet before it is stored; the errors name the fields as the client sent them, each with a
/// Portuguese message the panel shows beside the field.</summary>
public static class ProductValidation
{
    public static Dictionary<string, string[]> Validate(this ProductInput input)
    {
        var errors = new Dictionary<string, string[]>();
        void Check(bool ok, string field, string message)
        {
            if (!ok) errors[field] = [message];
        }

        Check(!string.IsNullOrWhiteSpace(input.Sku) && input.Sku.Trim().Length <= MaxSku, "sku",
            $"Informe a referência (SKU), com até {MaxSku} caracteres.");
        Check(!string.IsNullOrWhiteSpace(input.Name) && input.Name.Trim().Length <= MaxName, "name",
            $"Informe o nome, com até {MaxName} caracteres.");
        Check(Blank(input.Ean) || Gtin.IsValid(input.Ean!.Trim()), "ean",
            "O EAN/GTIN deve ter 8, 12, 13 ou 14 dígitos e dígito verificador válido.");
        Check(Blank(input.Ncm) || Digits(input.Ncm!, 8), "ncm", "O NCM deve ter exatamente 8 dígitos.");
        Check(Blank(input.Cest) || Digits(input.Cest!, 7), "cest", "O CEST deve ter exatamente 7 dígitos.");
        Check(input.Origin is null or (>= 0 and <= 8), "origin", "A origem da mercadoria (NF-e) vai de 0 a 8.");
        // NF-e's uCom takes 1 to 6 characters.
        Check(Blank(input.Unit) || input.Unit!.Trim().Length <= MaxUnit, "unit", $"A unidade comercial tem até {MaxUnit} caracteres.");
        Check((input.Description?.Length ?? 0) <= MaxDescription, "description", "A descrição tem até 4.800 caracteres.");
        Check((input.ShortDescription?.Length ?? 0) <= MaxShortDescription, "shortDescription",
            $"A descrição curta tem até {MaxShortDescription} caracteres.");
        // Tray shows a zero price as "sob consulta": refuse it rather than publish an unsellable product.
        Check(input.Price > 0, "price", "O preço deve ser maior que zero.");
        Check(input.PromotionalPrice is not { } promo || (promo > 0 && promo < input.Price), "promotionalPrice",
            "O preço promocional deve ser maior que zero e menor que o preço.");
        Check(input.PromotionalPrice is not null || (input.PromotionStart is null && input.PromotionEnd is null), "promotionalPrice",
            "Um período de promoção precisa de um preço promocional.");
        Check(input is not { PromotionStart: { } start, PromotionEnd: { } end } || start <= end, "promotionEnd",
            "A promoção não pode terminar antes de começar.");
        Check(input.CostPrice is null or >= 0, "costPrice", "O preço de custo não pode ser negativo.");
        Check((input.Brand?.Trim().Length ?? 0) <= MaxBrand, "brand", $"A marca tem até {MaxBrand} caracteres.");
        Check(input.WeightGrams is null or >= 0, "weightGrams", "O peso não pode ser negativo.");
        Check(input.LengthCm is null or >= 0, "lengthCm", "O comprimento não pode ser negativo.");
        Check(input.WidthCm is null or >= 0, "widthCm", "A largura não pode ser negativa.");
        Check(input.HeightCm is null or >= 0, "heightCm", "A altura não pode ser negativa.");
        Check(input.Stock >= 0, "stock", "O estoque não pode ser negativo.");
        VariationValidation.Validate(input, Check);
        return errors;
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

    private static bool Digits(string value, int length) => value.Trim() is var v && v.Length == length && v.All(char.IsAsciiDigit);
}
