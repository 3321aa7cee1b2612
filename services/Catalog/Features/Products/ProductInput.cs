using TrayBridge.ServiceDefaults.Text;
using TrayBridge.Catalog.Domain;

namespace TrayBridge.Catalog.Features.Products;

/// <summary>What a user sends to create or change a product (checked by <see cref="ProductValidation"/>).</summary>
public sealed record ProductInput
{
    public string? Sku { get; init; }
    public string? Name { get; init; }
    public string? Ean { get; init; }
    public string? Ncm { get; init; }
    public string? Cest { get; init; }
    public int? Origin { get; init; }
    public string? Unit { get; init; }
    public string? Description { get; init; }
    public string? ShortDescription { get; init; }
    public decimal Price { get; init; }
    public decimal? PromotionalPrice { get; init; }
    public DateOnly? PromotionStart { get; init; }
    public DateOnly? PromotionEnd { get; init; }
    public decimal? CostPrice { get; init; }
    public string? Brand { get; init; }
    public Guid? CategoryId { get; init; }
    public int? WeightGrams { get; init; }
    public decimal? LengthCm { get; init; }
    public decimal? WidthCm { get; init; }
    public decimal? HeightCm { get; init; }
    public decimal Stock { get; init; }
    public bool? Available { get; init; }
    /// <summary>At most two axis names (e.g. "Cor", "Tamanho"); required with <see cref="Variations"/>.</summary>
    public IReadOnlyList<string>? VariationAxes { get; init; }
    /// <summary>Every variation the product has: one left out is removed. With variations, <see cref="Stock"/> is their sum.</summary>
    public IReadOnlyList<VariationInput>? Variations { get; init; }

    public void ApplyTo(Product product, DateTimeOffset now)
    {
        product.Sku = Sku!.Trim();
        product.Name = Name!.Trim();
        product.SearchName = TextFolding.Fold(product.Name);
        product.Ean = Blank(Ean);
        product.Ncm = Blank(Ncm);
        product.Cest = Blank(Cest);
        product.Origin = Origin ?? 0;
        product.Unit = Blank(Unit) ?? "UN";
        product.Description = Blank(Description);
        product.ShortDescription = Blank(ShortDescription);
        product.Price = Price;
        product.PromotionalPrice = PromotionalPrice;
        product.PromotionStart = PromotionStart;
        product.PromotionEnd = PromotionEnd;
        product.CostPrice = CostPrice;
        product.Brand = Blank(Brand);
        product.CategoryId = CategoryId;
        product.WeightGrams = WeightGrams;
        product.LengthCm = LengthCm;
        product.WidthCm = WidthCm;
        product.HeightCm = HeightCm;
        product.Stock = Stock;
        product.Available = Available ?? true;
        ProductVariations.Apply(product, this);
        product.Version++;
        product.UpdatedAt = now;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
