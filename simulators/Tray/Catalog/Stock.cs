using TrayBridge.TraySimulator.Stores;

namespace TrayBridge.TraySimulator.Catalog;

/// <summary>Stock moves. A product with variants holds the sum of its variants' stock. Callers hold the store's lock.</summary>
public static class Stock
{
    public static void Recount(Store store, long productId)
    {
        if (!store.Products.TryGetValue(productId, out var product)) return;
        var variants = store.Variants.Values.Where(v => v.ProductId == productId).ToList();
        if (variants.Count > 0) product.Stock = variants.Sum(v => v.Stock);
    }

    /// <summary>Takes (positive quantity) or gives back (negative) what an order item holds; sold counters follow.</summary>
    public static void Move(Store store, long productId, long variantId, decimal quantity)
    {
        if (variantId != 0 && store.Variants.TryGetValue(variantId, out var variant))
        {
            variant.Stock -= quantity;
            variant.QuantitySold += quantity;
        }
        if (!store.Products.TryGetValue(productId, out var product)) return;
        product.QuantitySold += quantity;
        if (variantId != 0) Recount(store, productId);
        else product.Stock -= quantity;
    }
}
