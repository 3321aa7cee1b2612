using Marten;
using TrayBridge.Catalog.Domain;
using TrayBridge.Contracts.Catalog;

namespace TrayBridge.Catalog.Features.ImportedProducts;

/// <summary>Which ERP product a Tray order line is: the one exported to this store as that Tray product, whatever its SKU
/// is now; else the one with exactly that SKU (<c>CAM-1</c> is not <c>CAM-10</c>). The session's tenant bounds both.</summary>
internal static class ProductMatch
{
    public static async Task<Product?> FindAsync(IQuerySession session, string storeId, EnsureProductItem item, string sku,
        CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(item.TrayProductId))
        {
            // A relink can leave two links to one Tray product: the newest one is what the store has now.
            var linked = await session.Query<ProductLink>()
                .Where(l => l.StoreId == storeId && l.TrayProductId == item.TrayProductId)
                .OrderByDescending(l => l.UpdatedAt)
                .Select(l => l.ProductId)
                .ToListAsync(cancellationToken);
            foreach (var productId in linked)
                if (await session.LoadAsync<Product>(productId, cancellationToken) is { } product) return product;
        }
        return await session.Query<Product>().Where(p => p.Sku == sku).FirstOrDefaultAsync(cancellationToken);
    }
}
