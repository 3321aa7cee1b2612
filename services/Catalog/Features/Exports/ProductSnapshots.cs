using Marten;
using TrayBridge.Catalog.Domain;
using TrayBridge.Catalog.Extensions;
using TrayBridge.Catalog.Features.Images;
using TrayBridge.Contracts.Catalog;
using TrayBridge.ServiceDefaults.Security;

namespace TrayBridge.Catalog.Features.Exports;

/// <summary>Builds the full <see cref="ProductExportRequested"/> of a product: every field the connector sends to Tray,
/// with its pictures as absolute, signed public URLs in position order.</summary>
public sealed class ProductSnapshots(CatalogSettings settings, SignedUrls urls)
{
    public async Task<ILookup<Guid, string>> ImageUrlsAsync(IQuerySession session, IReadOnlyCollection<Guid> productIds,
        CancellationToken cancellationToken)
    {
        // Only the headers: the picture bytes stay in the database.
        var images = await session.Query<ProductImage>().Where(i => productIds.Contains(i.ProductId))
            .Select(i => new { i.Id, i.ProductId, i.Position, i.Sha256, i.Extension }).ToListAsync(cancellationToken);
        return images.OrderBy(i => i.Position).ToLookup(i => i.ProductId,
            i => settings.PublicBaseUrl + ProductImagesApi.PublicPath(urls, session.TenantId, i.Id, i.Sha256, i.Extension));
    }

    public static ProductExportRequested Snapshot(Product p, string tenantId, string storeId, Guid exportId, IEnumerable<string> imageUrls,
        DateTimeOffset now) =>
        new(tenantId, storeId, exportId, p.Id, p.Version, p.Sku, p.Name, p.Price, p.Stock, now)
        {
            Ean = p.Ean, Ncm = p.Ncm, Description = p.Description, ShortDescription = p.ShortDescription,
            PromotionalPrice = p.PromotionalPrice, PromotionStart = p.PromotionStart, PromotionEnd = p.PromotionEnd,
            CostPrice = p.CostPrice, Brand = p.Brand, WeightGrams = p.WeightGrams,
            LengthCm = p.LengthCm, WidthCm = p.WidthCm, HeightCm = p.HeightCm, Available = p.Available,
            ImageUrls = imageUrls.ToList(),
        };
}
