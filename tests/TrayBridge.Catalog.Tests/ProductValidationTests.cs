using TrayBridge.Api.Catalog;
using TrayBridge.Catalog.Features.Products;

namespace TrayBridge.Catalog.Tests;

public sealed class ProductValidationTests
{
    private static readonly ProductInput Valid = new()
    {
        Sku = "CAM-1", Name = "Camiseta", Ean = "7891000315507", Ncm = "61091000", Cest = "2806300", Origin = 0, Unit = "UN",
        Description = "<p>Algodão</p>", Price = 99.90m, PromotionalPrice = 79.90m, PromotionStart = new DateOnly(2026, 1, 1),
        PromotionEnd = new DateOnly(2026, 1, 31), CostPrice = 40m, Brand = "Marca", WeightGrams = 300, LengthCm = 30, WidthCm = 20,
        HeightCm = 2, Stock = 5,
    };

    [Fact]
    public void A_complete_product_is_valid() => Assert.Empty(Valid.Validate());

    public static TheoryData<string, ProductInput> Invalid => new()
    {
        { "name", Valid with { Name = null } },
        { "name", Valid with { Name = new string('x', 201) } },
        { "sku", Valid with { Sku = " " } },
        { "description", Valid with { Description = new string('x', 4_801) } },
        { "shortDescription", Valid with { ShortDescription = new string('x', 501) } },
        { "price", Valid with { Price = 0, PromotionalPrice = null, PromotionStart = null, PromotionEnd = null } },
        { "price", Valid with { Price = -1, PromotionalPrice = null, PromotionStart = null, PromotionEnd = null } },
        { "ncm", Valid with { Ncm = "610910001" } },
        { "ncm", Valid with { Ncm = "6109.10.0" } },
        { "cest", Valid with { Cest = "28063" } },
        { "ean", Valid with { Ean = "7891000315508" } },
        { "origin", Valid with { Origin = 9 } },
        { "unit", Valid with { Unit = "UNIDADE" } },
        { "promotionalPrice", Valid with { PromotionalPrice = 99.90m } },
        { "promotionalPrice", Valid with { PromotionalPrice = null } },
        { "promotionEnd", Valid with { PromotionEnd = new DateOnly(2025, 12, 31) } },
        { "costPrice", Valid with { CostPrice = -0.01m } },
        { "weightGrams", Valid with { WeightGrams = -1 } },
        { "heightCm", Valid with { HeightCm = -1 } },
        { "stock", Valid with { Stock = -1 } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Each_broken_rule_names_its_field_and_only_it(string field, ProductInput input) =>
        Assert.Equal([field], input.Validate().Keys);

    [Fact]
    public void Optional_fiscal_fields_may_be_left_out() =>
        Assert.Empty((Valid with { Ean = null, Ncm = "", Cest = null, Origin = null, Unit = null, Brand = null }).Validate());
}
