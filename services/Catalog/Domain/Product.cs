namespace TrayBridge.Catalog.Domain;

/// <summary>The ERP's product master. <see cref="Version"/> grows with every change, so a late, older export
/// snapshot can never overwrite a newer one on Tray.</summary>
public sealed class Product
{
    public Guid Id { get; set; }
    public required string Sku { get; set; }
    public required string Name { get; set; }
    public decimal Price { get; set; }
    public decimal? PromotionalPrice { get; set; }
    public decimal Stock { get; set; }
    public bool Available { get; set; } = true;
    public long Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
