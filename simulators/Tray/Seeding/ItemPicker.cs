using Bogus;
using TrayBridge.TraySimulator.Stores;

namespace TrayBridge.TraySimulator.Seeding;

/// <summary>Random order items: one to three products of the store, a product with a grid sold as one of its variants.</summary>
public static class ItemPicker
{
    /// <summary>The caller holds the store's lock; <paramref name="withGrid"/> makes sure one item is a variant when the store has any.</summary>
    public static List<RecipeItem> Random(Store store, Faker faker, bool withGrid = false)
    {
        var products = store.Products.Values.ToList();
        var picked = faker.PickRandom(products, Math.Min(products.Count, faker.Random.Int(1, 3))).ToList();
        var gridded = products.Where(p => store.Variants.Values.Any(v => v.ProductId == p.Id)).ToList();
        if (withGrid && gridded.Count > 0 && !picked.Any(gridded.Contains)) picked[0] = faker.PickRandom(gridded);
        return picked.Select(product =>
        {
            var variants = store.Variants.Values.Where(v => v.ProductId == product.Id).ToList();
            return new RecipeItem(product.Id, variants.Count > 0 ? faker.PickRandom(variants).Id : null, faker.Random.Int(1, 3));
        }).ToList();
    }
}
