using Marten;
using TrayBridge.Catalog.Domain;
using TrayBridge.Contracts.Catalog;

namespace TrayBridge.Catalog.Features.ImportedProducts;

/// <summary>Which ERP product (and variation) a Tray order line is: the variation exported to this store as that Tray variant;
/// else the product exported as that Tray product (its variation by the line's SKU, when it has one); else whoever holds
/// exactly that SKU, product or variation (<c>CAM-1</c> is not <c>CAM-10</c>). The session's tenant bounds all of them.</summary>
internal static class ProductMatch
{
    public sealed record Found(Product Product, Guid? VariationId);

    public static async Task<Found?> FindAsync(IQuerySession session, string storeId, EnsureProductItem item, string sku,
        CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(item.TrayVariantId) && await ByTrayVariantAsync(session, storeId, item.TrayVariantId, cancellationToken) is { } variant)
            return variant;
        if (!string.IsNullOrWhiteSpace(item.TrayProductId))
        {
            // A relink can leave two links to one Tray product: the newest one is what the store has now.
            var linked = await session.Query<ProductLink>()
                .Where(l => l.StoreId == storeId && l.TrayProductId == item.TrayProductId)
                .OrderByDescending(l => l.UpdatedAt)
                .Select(l => l.ProductId)
                .ToListAsync(cancellationToken);
            foreach (var productId in linked)
                if (await session.LoadAsync<Product>(productId, cancellationToken) is { } product)
                    return new(product, product.Variations.FirstOrDefault(v => v.Sku == sku)?.Id);
        }
        if (await session.LoadAsync<SkuClaim>(sku, cancellationToken) is { } claim
            && await session.LoadAsync<Product>(claim.ProductId, cancellationToken) is { } holder)
            return new(holder, holder.Variations.Any(v => v.Id == claim.VariationId) ? claim.VariationId : null);
        // Products stored before SKU claims existed.
        return await session.Query<Product>().Where(p => p.Sku == sku).FirstOrDefaultAsync(cancellationToken) is { } bySku
            ? new(bySku, null) : null;
    }

    private static async Task<Found?> ByTrayVariantAsync(IQuerySession session, string storeId, string trayVariantId,
        CancellationToken cancellationToken)
    {
        var links = await session.Query<ProductLink>()
            .Where(l => l.StoreId == storeId && l.Variants.Any(v => v.TrayVariantId == trayVariantId))
            .OrderByDescending(l => l.UpdatedAt)
            .ToListAsync(cancellationToken);
        foreach (var link in links)
        {
            var variationId = link.Variants.First(v => v.TrayVariantId == trayVariantId).VariationId;
            if (await session.LoadAsync<Product>(link.ProductId, cancellationToken) is { } product && product.Variations.Any(v => v.Id == variationId))
                return new(product, variationId);
        }
        return null;
    }
}
