namespace TrayBridge.Catalog.Domain;

/// <summary>A Tray store (Loja Virtual) of this tenant, as learnt from the connector's <c>StoreConnected</c>: exports
/// and per-store filters name only stores found here. <see cref="Id"/> is Tray's store id.</summary>
public sealed class KnownStore
{
    public required string Id { get; set; }
    public required string ApiAddress { get; set; }
    public DateTimeOffset ConnectedAt { get; set; }
}
