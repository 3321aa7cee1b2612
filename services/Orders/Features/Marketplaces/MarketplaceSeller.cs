using TrayBridge.Orders.Domain;

namespace TrayBridge.Orders.Features.Marketplaces;

/// <summary>The seller's id on a marketplace for one store: the merchant's account id there, set once, as ERPs keep it,
/// because Tray's orders often come without it and the NF-e's <c>idCadIntTran</c> needs it. One per (store, marketplace);
/// a Tray store belongs to one tenant, so the id needs no tenant.</summary>
public sealed class MarketplaceSeller
{
    public required string Id { get; set; }
    public required string StoreId { get; set; }
    /// <summary>The marketplace as Tray names it on orders (<c>marketplace_name</c>), e.g. "Mercado Livre".</summary>
    public required string Name { get; set; }
    public required string SellerId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Names match as <see cref="NameKey"/> does: "MERCADO LIVRE" and "Mercado Livre" are one marketplace.</summary>
    public static string IdFor(string storeId, string marketplace) => $"{storeId}:{NameKey.Of(marketplace)}";
}
