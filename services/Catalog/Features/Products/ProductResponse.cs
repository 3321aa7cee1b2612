using TrayBridge.Catalog.Domain;
using TrayBridge.Contracts.Catalog;

namespace TrayBridge.Catalog.Features.Products;

public sealed record ProductResponse(Guid Id, string Sku, string Name, string? Ean, string? Ncm, string? Cest, int Origin, string Unit,
    string? Description, string? ShortDescription, decimal Price, decimal? PromotionalPrice, DateOnly? PromotionStart,
    DateOnly? PromotionEnd, decimal? CostPrice, string? Brand, Guid? CategoryId, int? WeightGrams, decimal? LengthCm, decimal? WidthCm,
    decimal? HeightCm, decimal Stock, bool Available, long Version, DateTimeOffset UpdatedAt, IReadOnlyList<ImageLink> Images,
    bool CreatedByImport, IReadOnlyList<string> VariationAxes, IReadOnlyList<VariationResponse> Variations)
{
    public static ProductResponse From(Product p) => From(p, []);

    /// <summary><paramref name="images"/> holds the product's pictures and its variations', each told apart by its variation.</summary>
    public static ProductResponse From(Product p, IReadOnlyList<(Guid? VariationId, ImageLink Link)> images) =>
        new(p.Id, p.Sku, p.Name, p.Ean, p.Ncm, p.Cest, p.Origin, p.Unit, p.Description, p.ShortDescription, p.Price,
            p.PromotionalPrice, p.PromotionStart, p.PromotionEnd, p.CostPrice, p.Brand, p.CategoryId, p.WeightGrams, p.LengthCm, p.WidthCm,
            p.HeightCm, p.Stock, p.Available, p.Version, p.UpdatedAt, Of(images, null), p.CreatedByImport, p.VariationAxes,
            p.Variations.Select(v => VariationResponse.From(v, Of(images, v.Id))).ToList());

    private static List<ImageLink> Of(IReadOnlyList<(Guid? VariationId, ImageLink Link)> images, Guid? variationId) =>
        images.Where(i => i.VariationId == variationId).Select(i => i.Link).ToList();
}

public sealed record VariationResponse(Guid Id, string Sku, IReadOnlyList<string> Values, string? Ean, decimal Price,
    decimal? PromotionalPrice, decimal? CostPrice, decimal Stock, int? WeightGrams, IReadOnlyList<ImageLink> Images)
{
    public static VariationResponse From(ProductVariation v, IReadOnlyList<ImageLink> images) =>
        new(v.Id, v.Sku, v.Values, v.Ean, v.Price, v.PromotionalPrice, v.CostPrice, v.Stock, v.WeightGrams, images);
}

/// <summary>A picture's public, signed address (what Tray downloads as <c>picture_source_N</c>).</summary>
public sealed record ImageLink(int Position, string Url);

internal static class ProductEvents
{
    public static ProductChanged Changed(Product p, string tenantId, DateTimeOffset now) =>
        new(tenantId, p.Id, p.Version, p.Sku, p.Price, p.PromotionalPrice, p.Stock, p.Available, now)
        {
            Variations = p.Variations.Select(v => new VariationChanged(v.Id, v.Sku, v.Price, v.PromotionalPrice, v.Stock)).ToList(),
        };
}
