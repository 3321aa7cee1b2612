namespace TrayBridge.Catalog.Domain;

/// <summary>One sellable variation of a product (a Tray variant): its own SKU, EAN, price and stock, and one value per axis
/// of <see cref="Product.VariationAxes"/> (e.g. "Azul", "M"). <see cref="Id"/> stays the same across edits, so the link to
/// its Tray variant survives a change of SKU or price.</summary>
public sealed class ProductVariation
{
    public Guid Id { get; set; }
    public required string Sku { get; set; }
    public List<string> Values { get; set; } = [];
    public string? Ean { get; set; }
    public decimal Price { get; set; }
    /// <summary>Runs in the product's promotion period.</summary>
    public decimal? PromotionalPrice { get; set; }
    public decimal? CostPrice { get; set; }
    public decimal Stock { get; set; }
    /// <summary>Null: the product's weight.</summary>
    public int? WeightGrams { get; set; }
}
