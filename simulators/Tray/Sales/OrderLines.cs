using TrayBridge.TraySimulator.Catalog;
using TrayBridge.TraySimulator.Stores;

namespace TrayBridge.TraySimulator.Sales;

/// <summary>An order item copies the product's (or variant's) data as it is at the sale.</summary>
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
}
