namespace TrayBridge.Contracts.Catalog;

/// <summary>One variation of a product in an export snapshot: a Tray variant (<c>/products/variants</c>) with its own SKU,
/// EAN, price, stock and pictures. <see cref="Values"/> pair, in order, with <see cref="ProductExportRequested.VariationAxes"/>
/// (e.g. Cor = "Azul", Tamanho = "M").</summary>
/// <param name="VariationId">The ERP variation id (within the product).</param>
/// <param name="Sku">The ERP's code (SKU / referência).</param>
/// <param name="Values">The values, in the order of the product's VariationAxes.</param>
/// <param name="Price">Price in reais (BRL).</param>
/// <param name="Stock">Quantity in stock.</param>
public sealed record ProductVariationSnapshot(Guid VariationId, string Sku, IReadOnlyList<string> Values, decimal Price, decimal Stock)
{
    /// <summary>EAN/GTIN (check digit valid) or null.</summary>
    public string? Ean { get; init; }
    /// <summary>Runs in the product's promotion period.</summary>
    public decimal? PromotionalPrice { get; init; }
    public decimal? CostPrice { get; init; }
    /// <summary>Null: the product's weight.</summary>
    public int? WeightGrams { get; init; }
    /// <summary>Public, signed URLs of up to six pictures of this variation, in position order.</summary>
    public IReadOnlyList<string> ImageUrls { get; init; } = [];
}
