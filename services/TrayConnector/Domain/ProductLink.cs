namespace TrayBridge.TrayConnector.Domain;

public enum LinkState { Unlinked, Creating, Linked, Broken }

/// <summary>One ERP product on one Tray store: never two Tray products for it. <see cref="AppliedVersion"/> is the
/// newest snapshot sent, so an older one arriving late is not sent over it. While <see cref="LinkState.Creating"/>,
/// the link is the claim that stops a second replica from creating the product again.</summary>
public sealed class ProductLink
{
    public required string Id { get; set; }
    public required string StoreId { get; set; }
    public Guid ProductId { get; set; }
    public LinkState State { get; set; }
    public string? TrayProductId { get; set; }
    public long AppliedVersion { get; set; }
    /// <summary>The newest price/stock version sent by the continuous sync (a full export also carries them).</summary>
    public long SyncedVersion { get; set; }
    /// <summary>What Tray holds in the picture slots, slot 1 first: the URLs last given (their names carry a content hash, so
    /// equal URLs mean equal pictures), packed as Tray packs them. The next export sends only the slots that change it.</summary>
    public List<string> ImageUrls { get; set; } = [];
    /// <summary>Linked by hand to a product whose pictures we never sent: the next export sends every slot.</summary>
    public bool PicturesUnknown { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>The Tray variant of each ERP variation: updated, never created twice, and deleted on Tray when the variation goes.</summary>
    public List<VariantLink> Variants { get; set; } = [];

    public static string IdFor(string storeId, Guid productId) => $"{storeId}:{productId:N}";
}

/// <summary>One ERP variation on Tray, with what Tray was last sent for it: pictures are sent only when they change, and the
/// continuous sync sends only the variants whose price or stock moved.</summary>
public sealed class VariantLink
{
    public Guid VariationId { get; set; }
    public required string TrayVariantId { get; set; }
    /// <summary>What Tray holds in the variant's picture slots, as on the product.</summary>
    public List<string> ImageUrls { get; set; } = [];
    public decimal SentPrice { get; set; }
    public decimal? SentPromotionalPrice { get; set; }
    public decimal SentStock { get; set; }
}
