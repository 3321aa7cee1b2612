using TrayBridge.Catalog.Domain;
using TrayBridge.Contracts.Catalog;

namespace TrayBridge.Catalog.Features.Products;

public sealed record ProductResponse(Guid Id, string Sku, string Name, string? Ean, string? Ncm, string? Cest, int Origin, string Unit,
    string? Description, string? ShortDescription, decimal Price, decimal? PromotionalPrice, DateOnly? PromotionStart,
    DateOnly? PromotionEnd, decimal? CostPrice, string? Brand, int? WeightGrams, decimal? LengthCm, decimal? WidthCm,
    decimal? HeightCm, decimal Stock, bool Available, long Version, DateTimeOffset UpdatedAt, IReadOnlyList<ImageLink> Images,
    bool CreatedByImport)
{
    public static ProductResponse From(Product p) => From(p, []);

    public static ProductResponse From(Product p, IReadOnlyList<ImageLink> images) =>
        new(p.Id, p.Sku, p.Name, p.Ean, p.Ncm, p.Cest, p.Origin, p.Unit, p.Description, p.ShortDescription, p.Price,
            p.PromotionalPrice, p.PromotionStart, p.PromotionEnd, p.CostPrice, p.Brand, p.WeightGrams, p.LengthCm, p.WidthCm,
            p.HeightCm, p.Stock, p.Available, p.Version, p.UpdatedAt, images, p.CreatedByImport);
}

/// <summary>A picture's public, signed address (what Tray downloads as <c>picture_source_N</c>).</summary>
public sealed record ImageLink(int Position, string Url);

internal static class ProductEvents
{
    public static ProductChanged Changed(Product p, string tenantId, DateTimeOffset now) =>
        new(tenantId, p.Id, p.Version, p.Sku, p.Price, p.PromotionalPrice, p.Stock, p.Available, now);
}
