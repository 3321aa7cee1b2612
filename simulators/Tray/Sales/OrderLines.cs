using TrayBridge.TraySimulator.Catalog;
using TrayBridge.TraySimulator.Stores;

namespace TrayBridge.TraySimulator.Sales;

/// <summary>An order item copies the product's (or variant's) data as it is at the sale. Callers hold the store's lock.</summary>
public static class OrderLines
{
    public static OrderItem Of(Store store, Product product, Variant? variant, decimal quantity, decimal price, decimal originalPrice)
    {
        var category = store.Categories.GetValueOrDefault(product.CategoryId);
        return new OrderItem(store.NextId("products_sold", 5000), product.Id, variant?.Id ?? 0, product.Name,
            variant?.Reference is { Length: > 0 } reference ? reference : product.Reference,
            variant?.Ean is { Length: > 0 } ean ? ean : product.Ean,
            quantity, price, originalPrice, variant?.CostPrice ?? product.CostPrice,
            variant?.Weight ?? product.Weight, variant?.Length ?? product.Length, variant?.Width ?? product.Width,
            variant?.Height ?? product.Height, variant?.Sku ?? [], product.CategoryId, category?.Name ?? "");
    }

    /// <summary>
    /// A line selling a product, or one of its variants, at the price of <paramref name="today"/> unless one is given.
    /// A product with a grid is sold as one of its variants, as the storefront does; null with the reason otherwise.
    /// </summary>
    public static (OrderItem? Item, string? Refusal) Sell(Store store, long productId, long? variantId, decimal quantity, DateOnly today,
        decimal? price = null, decimal? originalPrice = null)
    {
        if (quantity <= 0) return (null, "A quantidade deve ser maior que zero");
        if (!store.Products.TryGetValue(productId, out var product)) return (null, $"Produto {productId} não encontrado");
        Variant? variant = null;
        if (variantId is > 0 && (!store.Variants.TryGetValue(variantId.Value, out variant) || variant.ProductId != productId))
            return (null, $"Variação {variantId} não pertence ao produto {productId}");
        if (variant is null && store.Variants.Values.Any(v => v.ProductId == productId))
            return (null, $"O produto {productId} tem variações: informe variant_id");
        var unit = price ?? PriceOf(product, variant, today);
        return (Of(store, product, variant, quantity, unit, originalPrice ?? unit), null);
    }

    public static decimal PriceOf(Product product, Variant? variant, DateOnly today) => variant?.Price ?? product.CurrentPrice(today);
}
