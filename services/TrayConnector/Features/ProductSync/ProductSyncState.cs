namespace TrayBridge.TrayConnector.Features.ProductSync;

/// <summary>The connector's durable "desired" side of a product's price/stock sync (one per tenant and ERP product):
/// bursts of changes collapse here, in PostgreSQL, rather than in an in-memory timer.</summary>
public sealed class ProductSyncState
{
    public Guid Id { get; set; }
    public string Sku { get; set; } = "";
    public long DesiredVersion { get; set; }
    public decimal Price { get; set; }
    public decimal? PromotionalPrice { get; set; }
    public decimal Stock { get; set; }
    public bool Available { get; set; }
    /// <summary>Distinct change notifications received; with the versions sent, it shows how much a burst was coalesced.</summary>
    public int ChangesReceived { get; set; }
    public DateTimeOffset LastChangeAt { get; set; }
}
