namespace TrayBridge.Api.Tray;

/// <summary><c>GET /api/tray/product-sync/{productId}</c>: the price/stock a product should have on its stores, and how
/// far the sync got (how many changes were coalesced, when Tray was last called).</summary>
public sealed record ProductSyncStatus(Guid Id, string Sku, long DesiredVersion, decimal Price, decimal? PromotionalPrice, decimal Stock,
    bool Available, IReadOnlyList<VariationSyncStatus> Variations, int ChangesReceived, DateTimeOffset LastChangeAt, bool SyncScheduled,
    DateTimeOffset? LastSentAt);

public sealed record VariationSyncStatus(Guid VariationId, decimal Price, decimal? PromotionalPrice, decimal Stock);
