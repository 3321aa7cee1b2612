using TrayBridge.Api.Catalog;
using TrayBridge.Web.Components.Pages.Products;

namespace TrayBridge.Web.Tests;

/// <summary>The product screen's form: numbers as a Brazilian merchant types them, text that is not a number refused beside its
/// field under the API's name, blank variation rows left out, and a stored product shown as it is.</summary>
public sealed class ProductFormTests
{
    [Theory]
    [InlineData("1.234,56", 1234.56)]
    [InlineData("49,9", 49.9)]
    [InlineData("49.90", 49.90)]
    [InlineData("R$ 10,00", 10)]
    [InlineData(" 7 ", 7)]
    public void Prices_read_as_typed_in_Brazil(string typed, double expected)
    {
        var (input, errors) = new ProductForm { Sku = "A", Name = "B", Price = typed }.ToInput();

        Assert.Empty(errors);
        Assert.Equal((decimal)expected, input!.Price);
    }

    [Fact]
    public void Text_that_is_no_number_or_date_is_refused_under_the_API_field_names()
    {
        var form = new ProductForm
        {
            Sku = "A", Name = "B", Price = "dez reais", WeightGrams = "1,5", PromotionEnd = "31/02/2026", Axis1 = "Cor",
            Variations = [new VariationForm(), new VariationForm { Sku = "A-AZ", Value1 = "Azul", Price = "x" }],
        };

        var (input, errors) = form.ToInput();

        Assert.Null(input);
        Assert.Equal(["price", "promotionEnd", "variations[0].price", "weightGrams"], errors.Keys.Order());
        Assert.Equal("Informe um número (ex.: 1234,56).", errors["price"][0]);
    }

    [Fact]
    public void Blank_and_removed_rows_are_not_sent_and_the_rest_keep_their_ids_and_one_value_per_axis()
    {
        var kept = Guid.NewGuid();
        var form = new ProductForm
        {
            Sku = "CAM", Name = "Camiseta", Price = "59,90", Axis1 = "Cor", Axis2 = " ",
            Variations =
            [
                new VariationForm(), new VariationForm { Id = Guid.NewGuid().ToString(), Sku = "CAM-PR", Value1 = "Preto", Price = "59,90", Remove = true },
                new VariationForm { Id = kept.ToString(), Sku = "CAM-AZ", Value1 = "Azul", Value2 = "ignorado", Price = "59,90", Stock = "3" },
            ],
        };

        var input = form.ToInput().Input!;

        Assert.Equal(["Cor"], input.VariationAxes!);
        var variation = Assert.Single(input.Variations!);
        Assert.Equal((kept, "CAM-AZ", 3m), (variation.Id, variation.Sku, variation.Stock));
        Assert.Equal(["Azul"], variation.Values!);
        Assert.Same(form.Variations[2], Assert.Single(form.SentVariations));
    }

    [Fact]
    public void A_stored_product_fills_the_form_and_comes_back_unchanged_with_two_blank_rows_for_new_variations()
    {
        var variation = new VariationResponse(Guid.NewGuid(), "CAM-AZ", ["Azul"], null, 1259.9m, null, 30m, 2.5m, 250, []);
        var stored = new ProductResponse(Guid.NewGuid(), "CAM", "Camiseta", "7891000315507", "61091000", null, 2, "UN", "<p>Algodão</p>", null,
            59.9m, 49.9m, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), 30m, "Hering", null, 250, 30m, 20m, 2m, 2m, false, 3,
            DateTimeOffset.UtcNow, [], false, ["Cor"], [variation]);

        var form = ProductForm.From(stored);
        var input = form.ToInput().Input!;

        Assert.Equal(3, form.Variations.Count);
        Assert.Equal(("59,90", "2", "30", "2026-12-01", "2", false), (form.Price, form.Stock, form.LengthCm, form.PromotionStart, form.Origin, form.Available));
        Assert.Equal((stored.Sku, stored.Ean, stored.Ncm, 2, 59.9m, 49.9m, stored.PromotionEnd, 250, 30m, false),
            (input.Sku, input.Ean, input.Ncm, input.Origin, input.Price, input.PromotionalPrice, input.PromotionEnd, input.WeightGrams, input.LengthCm,
                input.Available));
        var sent = Assert.Single(input.Variations!);
        Assert.Equal((variation.Id, 1259.9m, 2.5m, 30m), (sent.Id, sent.Price, sent.Stock, sent.CostPrice));
        Assert.Equal(("1.259,90", "2,5"), (form.Variations[0].Price, form.Variations[0].Stock));
        Assert.True(ProductForm.From(null).Available);
    }
}
