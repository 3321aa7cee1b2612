using Marten.Schema;

namespace TrayBridge.TrayConnector.Domain;

/// <summary>The connector's durable "desired" side of a product's price/stock sync (one per tenant and ERP product):
/// bursts of changes collapse here, in PostgreSQL, rather than in an in-memory timer.</summary>
[UseOptimisticConcurrency] // the consumer and the sync run both write it: neither may silently undo the other
public sealed class ProductSyncState
{
    public Guid Id { get; set; }
    public string Sku { get; set; } = "";
    public long DesiredVersion { get; set; }
    public decimal Price { get; set; }
    public decimal? PromotionalPrice { get; set; }
    public decimal Stock { get; set; }
    public bool Available { get; set; }
    /// <summary>Each variation's wanted price and stock, as of <see cref="DesiredVersion"/>.</summary>
    public List<VariationWanted> Variations { get; set; } = [];
    /// <summary>Distinct change notifications received; with the versions sent, it shows how much a burst was coalesced.</summary>
    public int ChangesReceived { get; set; }
    public DateTimeOffset LastChangeAt { get; set; }
    /// <summary>A sync run is waiting in due work: further changes only move the desired values, they do not add runs.</summary>
    public bool SyncScheduled { get; set; }
    /// <summary>When the last sync run called Tray: the next run waits <see cref="ProductSyncRun.Spacing"/> after it.</summary>
    public DateTimeOffset? LastSentAt { get; set; }
}

public sealed record VariationWanted(Guid VariationId, decimal Price, decimal? PromotionalPrice, decimal Stock);
