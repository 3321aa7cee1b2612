namespace TrayBridge.Catalog.Domain;

/// <summary>A product as it stands on one Tray store: the Tray id, the version last exported, and the outcome of the
/// newest attempt. Outcomes for versions older than the newest one seen arrive late and change nothing.</summary>
public sealed class ProductLink
{
    public const string Exported = "Exported", Failed = "Failed";

    public required string Id { get; set; }
    public required string StoreId { get; set; }
    public Guid ProductId { get; set; }
    public string Status { get; set; } = Exported;
    public string? TrayProductId { get; set; }
    /// <summary>The Tray variant of each variation, as of the newest export: what maps an order line's variant back to it.</summary>
    public List<LinkedVariant> Variants { get; set; } = [];
    public long? ExportedVersion { get; set; }
    public long LastOutcomeVersion { get; set; }
    public LinkError? LastError { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Matches the key the product list joins on: <c>storeId:productId</c> with the id as PostgreSQL prints a uuid.</summary>
    public static string IdFor(string storeId, Guid productId) => $"{storeId}:{productId}";

    public static ProductLink New(string storeId, Guid productId) => new() { Id = IdFor(storeId, productId), StoreId = storeId, ProductId = productId };

    public void MarkExported(long version, string trayProductId, IEnumerable<LinkedVariant> variants, DateTimeOffset at)
    {
        if (version < LastOutcomeVersion) return;
        (Status, TrayProductId, LastOutcomeVersion, LastError, UpdatedAt) = (Exported, trayProductId, version, null, at);
        Variants = [.. variants];
        ExportedVersion = Math.Max(ExportedVersion ?? 0, version);
    }

    public void MarkFailed(long version, LinkError error)
    {
        if (version < LastOutcomeVersion) return;
        (Status, LastOutcomeVersion, LastError, UpdatedAt) = (Failed, version, error, error.At);
    }
}

/// <summary>An ERP variation and the Tray variant it is on this store.</summary>
public sealed record LinkedVariant(Guid VariationId, string TrayVariantId);

/// <summary>Why the newest export attempt failed: a Portuguese reason, its stable code (null on errors stored before codes
/// existed) and Tray's own words.</summary>
public sealed record LinkError(string Reason, IReadOnlyList<string> Causes, bool Retryable, DateTimeOffset At)
{
    public string? Code { get; init; }
}
