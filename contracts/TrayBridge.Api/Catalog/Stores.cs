namespace TrayBridge.Api.Catalog;

/// <summary><c>GET /api/catalog/stores</c>: a Tray store (Loja Virtual) of the tenant as the Catalog knows it — what the export
/// screen's store selector offers. <see cref="StoreId"/> is Tray's store id.</summary>
public sealed record CatalogStore(string StoreId, string ApiAddress, DateTimeOffset ConnectedAt);
