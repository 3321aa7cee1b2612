using MassTransit;

namespace TrayBridge.Contracts.Catalog;

/// <summary>Export (create or update) a product to one Tray store: a full snapshot at <see cref="ProductVersion"/>, which
/// only grows — an older snapshot arriving late must never overwrite a newer one.</summary>
[MessageUrn("traybridge:catalog:product-export-requested:v1", false)]
[EntityName("traybridge.catalog.product-export-requested")]
[PublishedBy("Catalog")]
public sealed record ProductExportRequested(
    string TenantId, string StoreId, Guid ExportId, Guid ProductId, long ProductVersion, string Sku, string Name,
    decimal Price, decimal Stock, DateTimeOffset OccurredAt) : ITenantMessage
{
    /// <summary>EAN/GTIN (check digit valid) or null.</summary>
    public string? Ean { get; init; }
    /// <summary>NCM, 8 digits.</summary>
    public string? Ncm { get; init; }
    /// <summary>HTML allowed, up to 4,800 characters.</summary>
    public string? Description { get; init; }
    /// <summary>Short description (Tray description_small).</summary>
    public string? ShortDescription { get; init; }
    public decimal? PromotionalPrice { get; init; }
    /// <summary>First day of the promotional price (São Paulo day).</summary>
    public DateOnly? PromotionStart { get; init; }
    /// <summary>Last day of the promotional price (São Paulo day).</summary>
    public DateOnly? PromotionEnd { get; init; }
    public decimal? CostPrice { get; init; }
    /// <summary>Brand name (marca).</summary>
    public string? Brand { get; init; }
    /// <summary>Weight in grams.</summary>
    public int? WeightGrams { get; init; }
    /// <summary>Length in centimetres.</summary>
    public decimal? LengthCm { get; init; }
    /// <summary>Width in centimetres.</summary>
    public decimal? WidthCm { get; init; }
    /// <summary>Height in centimetres.</summary>
    public decimal? HeightCm { get; init; }
    public bool Available { get; init; } = true;
    /// <summary>Public, signed URLs of up to six pictures, in position order (Tray downloads them).</summary>
    public IReadOnlyList<string> ImageUrls { get; init; } = [];
    /// <summary>For a link broken because the product was deleted on Tray: <c>recreate</c> creates it again, <c>relink</c>
    /// links to <see cref="RelinkTrayProductId"/>. Null for an ordinary export.</summary>
    public string? LinkAction { get; init; }
    /// <summary>Tray product to link this product to instead of creating one (the merchant chose it).</summary>
    public string? RelinkTrayProductId { get; init; }
    /// <summary>The names of the variation axes, at most two (e.g. "Cor", "Tamanho"); empty for a product without variations.</summary>
    public IReadOnlyList<string> VariationAxes { get; init; } = [];
    /// <summary>Every variation the product has now: one missing here that was exported before is removed from Tray.</summary>
    public IReadOnlyList<ProductVariationSnapshot> Variations { get; init; } = [];
    /// <summary>The product's ERP category from the root down to its own; empty when it has none.</summary>
    public IReadOnlyList<ProductCategorySnapshot> CategoryPath { get; init; } = [];
}
