using System.Globalization;
using TrayBridge.Api.Catalog;

namespace TrayBridge.Web.Components.Pages.Products;

/// <summary>The product screen's form as the browser posts it: text as typed (numbers with a comma or a dot, dates as
/// yyyy-MM-dd), turned into the API's <see cref="ProductInput"/>. A number that is not one is refused here, beside its field,
/// with the API's field name; every other rule is the API's (its Portuguese messages show beside the same fields).</summary>
public sealed class ProductForm
{
    /// <summary>Blank variation rows offered for new variations (a row left blank is ignored).</summary>
    public const int BlankVariationRows = 2;

    public string? Sku { get; set; }
    public string? Name { get; set; }
    public string? Ean { get; set; }
    public string? Ncm { get; set; }
    public string? Cest { get; set; }
    public string? Origin { get; set; }
    public string? Unit { get; set; }
    public string? Brand { get; set; }
    public string? CategoryId { get; set; }
    public string? ShortDescription { get; set; }
    public string? Description { get; set; }
    public string? Price { get; set; }
    public string? PromotionalPrice { get; set; }
    public string? PromotionStart { get; set; }
    public string? PromotionEnd { get; set; }
    public string? CostPrice { get; set; }
    public string? Stock { get; set; }
    public string? WeightGrams { get; set; }
    public string? LengthCm { get; set; }
    public string? WidthCm { get; set; }
    public string? HeightCm { get; set; }
    /// <summary>A checkbox: absent from the post when unchecked, hence false by default (a new product starts checked).</summary>
    public bool Available { get; set; }
    public string? Axis1 { get; set; }
    public string? Axis2 { get; set; }
    public List<VariationForm> Variations { get; set; } = [];

    public static ProductForm From(ProductResponse? p)
    {
        var form = p is null ? new ProductForm { Available = true, Origin = "0", Unit = "UN", Stock = "0" } : new ProductForm
        {
            Sku = p.Sku, Name = p.Name, Ean = p.Ean, Ncm = p.Ncm, Cest = p.Cest, Origin = Text(p.Origin), Unit = p.Unit, Brand = p.Brand,
            CategoryId = p.CategoryId?.ToString(), ShortDescription = p.ShortDescription, Description = p.Description, Price = Money(p.Price),
            PromotionalPrice = Money(p.PromotionalPrice), PromotionStart = p.PromotionStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            PromotionEnd = p.PromotionEnd?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CostPrice = Money(p.CostPrice), Stock = Text(p.Stock),
            WeightGrams = Text(p.WeightGrams), LengthCm = Text(p.LengthCm), WidthCm = Text(p.WidthCm), HeightCm = Text(p.HeightCm),
            Available = p.Available, Axis1 = p.VariationAxes.ElementAtOrDefault(0), Axis2 = p.VariationAxes.ElementAtOrDefault(1),
            Variations = p.Variations.Select(VariationForm.From).ToList(),
        };
        return form.WithBlankRows();
    }

    public ProductForm WithBlankRows()
    {
        Variations = [.. Variations.Where(v => !v.IsBlank), .. Enumerable.Range(0, BlankVariationRows).Select(_ => new VariationForm())];
        return this;
    }

    /// <summary>The rows sent to the API, in order: the API names a variation's field by its place in this list.</summary>
    public IReadOnlyList<VariationForm> SentVariations => Variations.Where(v => !v.IsBlank && !v.Remove).ToList();

    /// <summary>The API's input, or the fields whose text is not a number or a date (keyed as the API keys them).</summary>
    public (ProductInput? Input, Dictionary<string, string[]> Errors) ToInput()
    {
        var reader = new FormNumbers();
        var axes = new[] { Axis1, Axis2 }.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!.Trim()).ToList();
        var input = new ProductInput
        {
            Sku = Sku, Name = Name, Ean = Ean, Ncm = Ncm, Cest = Cest, Unit = Unit, Brand = Brand, ShortDescription = ShortDescription,
            Description = Description, Origin = reader.Int(Origin, "origin"),
            CategoryId = Guid.TryParse(CategoryId, out var category) ? category : null,
            Price = reader.Decimal(Price, "price") ?? 0, PromotionalPrice = reader.Decimal(PromotionalPrice, "promotionalPrice"),
            PromotionStart = reader.Date(PromotionStart, "promotionStart"), PromotionEnd = reader.Date(PromotionEnd, "promotionEnd"),
            CostPrice = reader.Decimal(CostPrice, "costPrice"), Stock = reader.Decimal(Stock, "stock") ?? 0,
            WeightGrams = reader.Int(WeightGrams, "weightGrams"), LengthCm = reader.Decimal(LengthCm, "lengthCm"),
            WidthCm = reader.Decimal(WidthCm, "widthCm"), HeightCm = reader.Decimal(HeightCm, "heightCm"), Available = Available,
            VariationAxes = axes,
            Variations = SentVariations.Select((v, i) => v.ToInput(reader, $"variations[{i}].", axes.Count)).ToList(),
        };
        return reader.Errors.Count > 0 ? (null, reader.Errors) : (input, reader.Errors);
    }

    /// <summary>Shown as a merchant writes it ("1.234,56"), which <see cref="FormNumbers"/> reads back.</summary>
    internal static string? Money(decimal? value) => value?.ToString("#,##0.00", Culture);
    internal static string? Text(decimal? value) => value?.ToString("0.###", Culture);
    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("pt-BR");
}

/// <summary>One variation row of the form; <see cref="Id"/> keeps the variation's identity (and its Tray variant) across edits.</summary>
public sealed class VariationForm
{
    public string? Id { get; set; }
    public string? Sku { get; set; }
    public string? Value1 { get; set; }
    public string? Value2 { get; set; }
    public string? Ean { get; set; }
    public string? Price { get; set; }
    public string? PromotionalPrice { get; set; }
    public string? CostPrice { get; set; }
    public string? Stock { get; set; }
    public string? WeightGrams { get; set; }
    public bool Remove { get; set; }

    public bool IsBlank => Id is null && new[] { Sku, Value1, Value2, Ean, Price, PromotionalPrice, CostPrice, Stock, WeightGrams }
        .All(string.IsNullOrWhiteSpace);

    public static VariationForm From(VariationResponse v) => new()
    {
        Id = v.Id.ToString(), Sku = v.Sku, Value1 = v.Values.ElementAtOrDefault(0), Value2 = v.Values.ElementAtOrDefault(1), Ean = v.Ean,
        Price = ProductForm.Money(v.Price), PromotionalPrice = ProductForm.Money(v.PromotionalPrice), CostPrice = ProductForm.Money(v.CostPrice),
        Stock = ProductForm.Text(v.Stock),
        WeightGrams = v.WeightGrams?.ToString(CultureInfo.InvariantCulture),
    };

    internal VariationInput ToInput(FormNumbers reader, string prefix, int axes) => new()
    {
        Id = Guid.TryParse(Id, out var id) ? id : null, Sku = Sku, Ean = Ean,
        Values = new[] { Value1, Value2 }.Take(axes).ToList(),
        Price = reader.Decimal(Price, prefix + "price") ?? 0, PromotionalPrice = reader.Decimal(PromotionalPrice, prefix + "promotionalPrice"),
        CostPrice = reader.Decimal(CostPrice, prefix + "costPrice"), Stock = reader.Decimal(Stock, prefix + "stock") ?? 0,
        WeightGrams = reader.Int(WeightGrams, prefix + "weightGrams"),
    };
}
