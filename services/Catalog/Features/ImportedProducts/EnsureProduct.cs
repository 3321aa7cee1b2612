using Marten;
using TrayBridge.Catalog.Domain;
using TrayBridge.Contracts.Catalog;
using TrayBridge.ServiceDefaults.Persistence;

namespace TrayBridge.Catalog.Features.ImportedProducts;

/// <summary>Finds or creates the product (and variation) of one order line. Race-safe without locks: the SKU is unique per
/// tenant — the product index and the SKU claim shared with variations — so when two requests create the same SKU at once one
/// insert wins and the other, refused, looks again and finds it. A product that exists is never touched.</summary>
internal static class EnsureProduct
{
    public static async Task<EnsuredProduct> ForItemAsync(IDocumentStore store, string tenantId, string storeId, EnsureProductItem item,
        TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var sku = ProductFromTray.SkuOf(item);
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession(tenantId);
            if (await ProductMatch.FindAsync(session, storeId, item, sku, cancellationToken) is { } found)
                return new EnsuredProduct(item.TrayProductId, item.TrayVariantId, found.Product.Id, found.VariationId, Created: false);

            var product = ProductFromTray.Create(item, time.GetUtcNow());
            session.Insert(product);
            session.Insert(new SkuClaim { Id = product.Sku, ProductId = product.Id });
            try
            {
                await session.SaveChangesAsync(cancellationToken);
            }
            // Only once: the winner has committed by the time PostgreSQL refuses us, so the second lookup sees it.
            catch (Exception e) when (attempt == 1 && WriteConflicts.IsConflict(e))
            {
                logger.LogInformation("SKU {Sku} was created by a concurrent request; looking it up again", sku);
                continue;
            }
            LogCreated(logger, storeId, item, product);
            return new EnsuredProduct(item.TrayProductId, item.TrayVariantId, product.Id, VariationId: null, Created: true);
        }
    }

    private static void LogCreated(ILogger logger, string storeId, EnsureProductItem item, Product product)
    {
        logger.LogInformation("Created product {ProductId} (SKU {Sku}) from Tray product {TrayProductId} of store {StoreId}",
            product.Id, product.Sku, item.TrayProductId, storeId);
        if (!string.IsNullOrWhiteSpace(item.Ean) && product.Ean is null)
            logger.LogWarning("Product {ProductId}: Tray's EAN '{Ean}' is not a valid GTIN and was left out", product.Id, item.Ean);
        if (!string.IsNullOrWhiteSpace(item.Ncm) && product.Ncm is null)
            logger.LogWarning("Product {ProductId}: Tray's NCM '{Ncm}' is not 8 digits and was left out", product.Id, item.Ncm);
    }
}
