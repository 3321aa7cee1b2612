using TrayBridge.Api.Catalog;
using TrayBridge.Catalog.Features.Products;

namespace TrayBridge.Catalog.Tests;

/// <summary>Variations on at most two axes, each a Tray variant with its own SKU, EAN, price and stock (tray-api.md §3.6).</summary>
public sealed class VariationValidationTests
{
    private static readonly VariationInput Blue = new() { Sku = "CAM-AZ-M", Values = ["Azul", "M"], Ean = "7891000315507", Price = 79.90m, Stock = 3 };

    private static readonly ProductInput Valid = new()
    {
        Sku = "CAM", Name = "Camiseta", Price = 79.90m, VariationAxes = ["Cor", "Tamanho"],
        Variations = [Blue, Blue with { Sku = "CAM-PR-G", Values = ["Preto", "G"], Ean = null, PromotionalPrice = 69.90m, CostPrice = 30m }],
    };

    [Fact]
    public void A_product_with_two_axis_variations_is_valid() => Assert.Empty(Valid.Validate());

    [Fact]
    public void One_axis_is_enough() =>
        Assert.Empty((Valid with { VariationAxes = ["Cor"], Variations = [Blue with { Values = ["Azul"] }] }).Validate());

    public static TheoryData<string, ProductInput> Invalid => new()
    {
        { "variationAxes", Valid with { VariationAxes = ["Cor", "Tamanho", "Material"] } },
        { "variationAxes", Valid with { VariationAxes = [] } },
        { "variationAxes", Valid with { VariationAxes = ["Cor", "cor"], Variations = [Blue] } },
        { "variations", Valid with { Variations = Enumerable.Range(0, 101).Select(i => Blue with { Sku = $"S-{i}", Values = [$"{i}", "M"] }).ToList() } },
        { "variations[1].sku", Valid with { Variations = [Blue, Blue with { Values = ["Preto", "G"] }] } },
        { "variations[0].sku", Valid with { Variations = [Blue with { Sku = "CAM" }] } },
        { "variations[0].sku", Valid with { Variations = [Blue with { Sku = " " }] } },
        { "variations[0].values", Valid with { Variations = [Blue with { Values = ["Azul"] }] } },
        { "variations[0].values", Valid with { Variations = [Blue with { Values = ["Azul", " "] }] } },
        { "variations[1].values", Valid with { Variations = [Blue, Blue with { Sku = "CAM-2", Values = ["azul", "m"] }] } },
        { "variations[0].ean", Valid with { Variations = [Blue with { Ean = "7891000315508" }] } },
        { "variations[0].price", Valid with { Variations = [Blue with { Price = 0 }] } },
        { "variations[0].promotionalPrice", Valid with { Variations = [Blue with { PromotionalPrice = 79.90m }] } },
        { "variations[0].costPrice", Valid with { Variations = [Blue with { CostPrice = -1 }] } },
        { "variations[0].stock", Valid with { Variations = [Blue with { Stock = -1 }] } },
        { "variations[0].weightGrams", Valid with { Variations = [Blue with { WeightGrams = -1 }] } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Each_broken_rule_names_its_field_and_only_it(string field, ProductInput input) =>
        Assert.Equal([field], input.Validate().Keys);
}
