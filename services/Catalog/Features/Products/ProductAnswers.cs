using TrayBridge.Api.Catalog;
using TrayBridge.Catalog.Domain;
using TrayBridge.Contracts.Catalog;

namespace TrayBridge.Catalog.Features.Products;

/// <summary>The product as the API answers it (<see cref="ProductResponse"/>, <see cref="ProductRow"/>).</summary>
internal static class ProductAnswers
{
    public static ProductResponse Response(Product p) => Response(p, []);

    /// <summary><paramref name="images"/> holds the product's pictures and its variations', each told apart by its variation.</summary>
    public static ProductResponse Response(Product p, IReadOnlyList<(Guid? VariationId, ImageLink Link)> images) =>
        new(p.Id, p.Sku, p.Name, p.Ean, p.Ncm, p.Cest, p.Origin, p.Unit, p.Description, p.ShortDescription, p.Price,
            p.PromotionalPrice, p.PromotionStart, p.PromotionEnd, p.CostPrice, p.Brand, p.CategoryId, p.WeightGrams, p.LengthCm, p.WidthCm,
            p.HeightCm, p.Stock, p.Available, p.Version, p.UpdatedAt, Of(images, null), p.CreatedByImport, p.VariationAxes,
            p.Variations.Select(v => new VariationResponse(v.Id, v.Sku, v.Values, v.Ean, v.Price, v.PromotionalPrice, v.CostPrice, v.Stock,
                v.WeightGrams, Of(images, v.Id))).ToList());

    /// <summary>A row of the list; with a store, its situation there, the newest error when it is "Erro", and the Tray variants.</summary>
    public static ProductRow Row(Product p, string? storeId, ProductLink? link) =>
        new(p.Id, p.Sku, p.Name, p.Ean, p.Brand, p.Price, p.PromotionalPrice, p.Stock, p.Available, p.Version, p.UpdatedAt, storeId,
            storeId is null ? null : StoreSituation.Of(p, link), link?.TrayProductId, link?.ExportedVersion,
            link is { Status: ProductLink.Failed, LastError: { } e }
                ? new ExportError(e.Reason, e.Code ?? ExportReasonCodes.Failed, e.Causes, e.Retryable, e.At) : null,
            p.CreatedByImport, p.Variations.Count, (link?.Variants ?? []).Select(v => new TrayVariantLink(v.VariationId, v.TrayVariantId)).ToList());

    private static List<ImageLink> Of(IReadOnlyList<(Guid? VariationId, ImageLink Link)> images, Guid? variationId) =>
        images.Where(i => i.VariationId == variationId).Select(i => i.Link).ToList();
}

internal static class ProductEvents
{
    public static ProductChanged Changed(Product p, string tenantId, DateTimeOffset now) =>
        new(tenantId, p.Id, p.Version, p.Sku, p.Price, p.PromotionalPrice, p.Stock, p.Available, now)
        {
            Variations = p.Variations.Select(v => new VariationChanged(v.Id, v.Sku, v.Price, v.PromotionalPrice, v.Stock)).ToList(),
        };
}
