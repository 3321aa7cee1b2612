namespace TrayBridge.Catalog.Domain;

/// <summary>The ERP's product master. <see cref="Version"/> grows with every change, so a late, older export
/// snapshot can never overwrite a newer one on Tray.</summary>
public sealed class Product
{
    public Guid Id { get; set; }
    public required string Sku { get; set; }
    public required string Name { get; set; }
    /// <summary><see cref="Name"/> without accents, in lower case: what the description filter searches.</summary>
    public string SearchName { get; set; } = "";
    public string? Ean { get; set; }
    public string? Ncm { get; set; }
    public string? Cest { get; set; }
    /// <summary>NF-e <c>orig</c>: 0 nacional … 8 nacional com conteúdo de importação superior a 70%.</summary>
    public int Origin { get; set; }
    public string Unit { get; set; } = "UN";
    /// <summary>HTML allowed (Tray shows it as the product page's description).</summary>
    public string? Description { get; set; }
    public string? ShortDescription { get; set; }
    public decimal Price { get; set; }
    public decimal? PromotionalPrice { get; set; }
    public DateOnly? PromotionStart { get; set; }
    public DateOnly? PromotionEnd { get; set; }
    public decimal? CostPrice { get; set; }
    public string? Brand { get; set; }
    /// <summary>The product's own node of the <see cref="Category"/> tree, or none.</summary>
    public Guid? CategoryId { get; set; }
    public int? WeightGrams { get; set; }
    public decimal? LengthCm { get; set; }
    public decimal? WidthCm { get; set; }
    public decimal? HeightCm { get; set; }
    public decimal Stock { get; set; }
    public bool Available { get; set; } = true;
    public long Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Created from a Tray order line by an order import rather than by a person: its NCM, EAN and stock are only
    /// what Tray had (or nothing), so someone should complete it.</summary>
    public bool CreatedByImport { get; set; }
    /// <summary>Names of the variation axes, at most two (e.g. "Cor", "Tamanho"), in the order each variation's values follow.</summary>
    public List<string> VariationAxes { get; set; } = [];
    /// <summary>With variations, Tray sells the variations: <see cref="Stock"/> is then the sum of theirs.</summary>
    public List<ProductVariation> Variations { get; set; } = [];
    /// <summary>Soft delete: set, the product is gone from the API and from exports, but its document (and SKU) stays — orders
    /// and NF-es already name it, and on Tray it is only made unavailable.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
}
