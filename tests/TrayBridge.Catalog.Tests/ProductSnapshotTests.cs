using TrayBridge.Catalog.Domain;
using TrayBridge.Catalog.Features.Categories;
using TrayBridge.Catalog.Features.Exports;

namespace TrayBridge.Catalog.Tests;

/// <summary>The export snapshot carries the variations — their axes, values, codes, prices, stock and their own pictures.</summary>
public sealed class ProductSnapshotTests
{
    [Fact]
    public void Variations_travel_with_their_own_pictures_and_the_product_keeps_its_own()
    {
        var blue = new ProductVariation { Id = Guid.NewGuid(), Sku = "CAM-AZ-M", Values = ["Azul", "M"], Ean = "7891000315507", Price = 80m, PromotionalPrice = 70m, CostPrice = 30m, Stock = 3, WeightGrams = 250 };
        var black = new ProductVariation { Id = Guid.NewGuid(), Sku = "CAM-PR-M", Values = ["Preto", "M"], Price = 85m, Stock = 4 };
        var product = new Product { Id = Guid.NewGuid(), Sku = "CAM", Name = "Camiseta", Price = 80m, Stock = 7, Version = 5, VariationAxes = ["Cor", "Tamanho"], Variations = [blue, black] };
        var images = new[] { ((product.Id, (Guid?)null), "https://erp/p1.png"), ((product.Id, (Guid?)blue.Id), "https://erp/b1.png"), ((product.Id, (Guid?)blue.Id), "https://erp/b2.png") }
            .ToLookup(i => i.Item1, i => i.Item2);

        var snapshot = ProductSnapshots.Snapshot(product, "t", "s", Guid.NewGuid(), images, new CategoryTree([]), DateTimeOffset.UtcNow);

        Assert.Equal((5L, 7m), (snapshot.ProductVersion, snapshot.Stock));
        Assert.Equal(["https://erp/p1.png"], snapshot.ImageUrls);
        Assert.Equal(["Cor", "Tamanho"], snapshot.VariationAxes);
        var (first, second) = (snapshot.Variations[0], snapshot.Variations[1]);
        Assert.Equal((blue.Id, "CAM-AZ-M", "7891000315507", 80m, (decimal?)70m, (decimal?)30m, 3m, (int?)250),
            (first.VariationId, first.Sku, first.Ean, first.Price, first.PromotionalPrice, first.CostPrice, first.Stock, first.WeightGrams));
        Assert.Equal(["Azul", "M"], first.Values);
        Assert.Equal(["https://erp/b1.png", "https://erp/b2.png"], first.ImageUrls);
        Assert.Equal((black.Id, "CAM-PR-M", (string?)null), (second.VariationId, second.Sku, second.Ean));
        Assert.Empty(second.ImageUrls);
    }
}
