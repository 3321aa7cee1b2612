namespace TrayBridge.Catalog.Features.Products;

/// <summary>One variation as a user sends it. <see cref="Id"/> is the catalog's (from a previous answer): with it, the
/// variation keeps its identity — and its Tray variant — whatever else changes; without it, one with the same SKU keeps
/// its identity, else the variation is new.</summary>
public sealed record VariationInput
{
    public Guid? Id { get; init; }
    public string? Sku { get; init; }
    /// <summary>One value per axis of <see cref="ProductInput.VariationAxes"/>, in the same order.</summary>
    public IReadOnlyList<string?>? Values { get; init; }
    public string? Ean { get; init; }
    public decimal Price { get; init; }
    public decimal? PromotionalPrice { get; init; }
    public decimal? CostPrice { get; init; }
    public decimal Stock { get; init; }
    public int? WeightGrams { get; init; }
}
