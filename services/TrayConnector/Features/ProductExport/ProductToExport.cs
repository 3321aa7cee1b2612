using TrayBridge.Contracts.Catalog;

namespace TrayBridge.TrayConnector.Features.ProductExport;

/// <summary>The connector's own model of one export, mapped from <see cref="ProductExportRequested"/> at the consumer: the
/// public event stays a message, free to grow, and nothing past the consumer depends on it. Its members keep the event's
/// names, so a parked export's due-work payload written before this model existed still reads.</summary>
public sealed record ProductToExport
{
    public required string TenantId { get; init; }
    public required string StoreId { get; init; }
    public Guid ExportId { get; init; }
    public Guid ProductId { get; init; }
    /// <summary>Only grows: an older snapshot arriving late must never overwrite a newer one.</summary>
    public long ProductVersion { get; init; }
    public required string Sku { get; init; }
    public required string Name { get; init; }
    public decimal Price { get; init; }
    public decimal Stock { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public string? Ean { get; init; }
    public string? Ncm { get; init; }
    public string? Description { get; init; }
    public string? ShortDescription { get; init; }
    public decimal? PromotionalPrice { get; init; }
    public DateOnly? PromotionStart { get; init; }
    public DateOnly? PromotionEnd { get; init; }
    public decimal? CostPrice { get; init; }
    public string? Brand { get; init; }
    public int? WeightGrams { get; init; }
    public decimal? LengthCm { get; init; }
    public decimal? WidthCm { get; init; }
    public decimal? HeightCm { get; init; }
    public bool Available { get; init; } = true;
    public IReadOnlyList<string> ImageUrls { get; init; } = [];
    /// <summary><c>recreate</c> or <c>relink</c> (to <see cref="RelinkTrayProductId"/>) for a link broken on Tray; else null.</summary>
    public string? LinkAction { get; init; }
    public string? RelinkTrayProductId { get; init; }
    public IReadOnlyList<string> VariationAxes { get; init; } = [];
    public IReadOnlyList<VariantToExport> Variations { get; init; } = [];
    public IReadOnlyList<CategoryToExport> CategoryPath { get; init; } = [];

    public static ProductToExport From(ProductExportRequested m) => new()
    {
        TenantId = m.TenantId, StoreId = m.StoreId, ExportId = m.ExportId, ProductId = m.ProductId, ProductVersion = m.ProductVersion,
        Sku = m.Sku, Name = m.Name, Price = m.Price, Stock = m.Stock, OccurredAt = m.OccurredAt, Ean = m.Ean, Ncm = m.Ncm,
        Description = m.Description, ShortDescription = m.ShortDescription, PromotionalPrice = m.PromotionalPrice,
        PromotionStart = m.PromotionStart, PromotionEnd = m.PromotionEnd, CostPrice = m.CostPrice, Brand = m.Brand,
        WeightGrams = m.WeightGrams, LengthCm = m.LengthCm, WidthCm = m.WidthCm, HeightCm = m.HeightCm, Available = m.Available,
        ImageUrls = m.ImageUrls, LinkAction = m.LinkAction, RelinkTrayProductId = m.RelinkTrayProductId, VariationAxes = m.VariationAxes,
        Variations = m.Variations.Select(v => new VariantToExport(v.VariationId, v.Sku, v.Values, v.Price, v.Stock)
        {
            Ean = v.Ean, PromotionalPrice = v.PromotionalPrice, CostPrice = v.CostPrice, WeightGrams = v.WeightGrams, ImageUrls = v.ImageUrls,
        }).ToList(),
        CategoryPath = m.CategoryPath.Select(c => new CategoryToExport(c.CategoryId, c.Name)).ToList(),
    };
}

/// <summary>One variation to export (a Tray variant); <see cref="Values"/> pair, in order, with the product's axes.</summary>
public sealed record VariantToExport(Guid VariationId, string Sku, IReadOnlyList<string> Values, decimal Price, decimal Stock)
{
    public string? Ean { get; init; }
    public decimal? PromotionalPrice { get; init; }
    public decimal? CostPrice { get; init; }
    /// <summary>Null: the product's weight.</summary>
    public int? WeightGrams { get; init; }
    public IReadOnlyList<string> ImageUrls { get; init; } = [];
}

/// <summary>One level of the product's ERP category path, root first.</summary>
public sealed record CategoryToExport(Guid CategoryId, string Name);
