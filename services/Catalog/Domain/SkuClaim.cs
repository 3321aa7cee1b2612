namespace TrayBridge.Catalog.Domain;

/// <summary>Who holds a SKU in this tenant: a product, or one of its variations. Products and variations share one SKU space
/// (an order line names either by its reference), and the document id is the SKU itself, so PostgreSQL's primary key
/// (tenant, id) refuses a second holder even when two requests race.</summary>
public sealed class SkuClaim
{
    /// <summary>The SKU, exactly as stored (<c>CAM-1</c> and <c>cam-1</c> are different SKUs, as on Tray).</summary>
    public required string Id { get; set; }
    public Guid ProductId { get; set; }
    public Guid? VariationId { get; set; }
}
