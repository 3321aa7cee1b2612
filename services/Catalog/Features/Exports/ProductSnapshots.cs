using Marten;
using TrayBridge.Catalog.Domain;
using TrayBridge.Catalog.Extensions;
using TrayBridge.Catalog.Features.Categories;
using TrayBridge.Catalog.Features.Images;
using TrayBridge.Contracts.Catalog;
using TrayBridge.ServiceDefaults.Security;

namespace TrayBridge.Catalog.Features.Exports;

/// <summary>Builds the full <see cref="ProductExportRequested"/> of a product: every field the connector sends to Tray, its
/// variations included, with the pictures of each as absolute, signed public URLs in position order.</summary>
public sealed class ProductSnapshots(CatalogSettings settings, SignedUrls urls)
{
    /// <summary>Picture URLs by product and variation (null: the product's own).</summary>
    public async Task<ILookup<(Guid ProductId, Guid? VariationId), string>> ImageUrlsAsync(IQuerySession session,
        IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken)
    {
        // Only the headers: the picture bytes stay in the database.
        var images = await session.Query<ProductImage>().Where(i => productIds.Contains(i.ProductId))
            .Select(i => new { i.Id, i.ProductId, i.VariationId, i.Position, i.Sha256, i.Extension }).ToListAsync(cancellationToken);
        return images.OrderBy(i => i.Position).ToLookup(i => (i.ProductId, i.VariationId),
            i => settings.PublicBaseUrl + ProductImagesApi.PublicPath(urls, session.TenantId, i.Id, i.Sha256, i.Extension));
    }

    public static ProductExportRequested Snapshot(Product p, string tenantId, string storeId, Guid exportId,
        ILookup<(Guid ProductId, Guid? VariationId), string> imageUrls, CategoryTree categories, DateTimeOffset now) =>
        new(tenantId, storeId, exportId, p.Id, p.Version, p.Sku, p.Name, p.Price, p.Stock, now)
        {
            Ean = p.Ean, Ncm = p.Ncm, Description = p.Description, ShortDescription = p.ShortDescription,
            PromotionalPrice = p.PromotionalPrice, PromotionStart = p.PromotionStart, PromotionEnd = p.PromotionEnd,
            CostPrice = p.CostPrice, Brand = p.Brand, WeightGrams = p.WeightGrams,
            LengthCm = p.LengthCm, WidthCm = p.WidthCm, HeightCm = p.HeightCm, Available = p.Available,
            ImageUrls = imageUrls[(p.Id, null)].ToList(),
            CategoryPath = categories.PathOf(p.CategoryId),
            VariationAxes = [.. p.VariationAxes],
            Variations = p.Variations.Select(v => new ProductVariationSnapshot(v.Id, v.Sku, [.. v.Values], v.Price, v.Stock)
            {
                Ean = v.Ean, PromotionalPrice = v.PromotionalPrice, CostPrice = v.CostPrice, WeightGrams = v.WeightGrams,
                ImageUrls = imageUrls[(p.Id, v.Id)].ToList(),
            }).ToList(),
        };
}
