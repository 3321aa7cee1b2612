namespace TrayBridge.Api.Orders;

/// <summary>A marketplace a store sells through (known from its imported orders or set by the merchant) and the seller's
/// id there (the merchant's account id, <c>idCadIntTran</c> on the NF-e), kept once per store and marketplace.
/// <see cref="PendingOrders"/>: its open sales orders that still lack a seller id.</summary>
public sealed record StoreMarketplace(string Name, string? SellerId, DateTimeOffset? UpdatedAt, int PendingOrders);

/// <summary><c>GET /api/orders/stores/{storeId}/marketplaces</c>, by name; at most
/// <see cref="MarketplaceLimits.MaxMarketplaces"/>.</summary>
public sealed record StoreMarketplaces(string StoreId, IReadOnlyList<StoreMarketplace> Items);

/// <summary><c>PUT /api/orders/stores/{storeId}/marketplaces/{name}</c>: the seller's id on that marketplace.</summary>
public sealed record MarketplaceSellerIdRequest(string? SellerId);

/// <summary>The answer to setting a store's seller id: the marketplace as it is now, how many open orders without a
/// seller id got this one (<see cref="OrdersFilled"/>) and how many of those became ready for NF-e.</summary>
public sealed record MarketplaceSellerIdSet(string StoreId, StoreMarketplace Marketplace, int OrdersFilled, int OrdersReady);

public static class MarketplaceLimits
{
    public const int MaxMarketplaces = 50;
    /// <summary>A marketplace's name, as Tray's <c>marketplace_name</c> gives it.</summary>
    public const int MaxNameLength = 60;
    /// <summary>The setting's JSON body, in bytes.</summary>
    public const int MaxBodyBytes = 4_096;
}
