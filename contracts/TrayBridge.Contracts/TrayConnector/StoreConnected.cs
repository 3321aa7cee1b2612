using MassTransit;

namespace TrayBridge.Contracts.TrayConnector;

/// <summary>A Tray store (Loja Virtual) was registered and its code exchanged for tokens.</summary>
/// <param name="TenantId">The tenant (the ERP account) the event belongs to; equal to the TenantId header.</param>
/// <param name="StoreId">The Tray store id (Usuário of the Loja Virtual), as registered.</param>
/// <param name="ApiAddress">The store's API address (Site URL, api_address), as registered.</param>
/// <param name="OccurredAt">When it happened, in the publishing service's clock (UTC offset included).</param>
[MessageUrn("traybridge:tray:store-connected:v1", false)]
[EntityName("traybridge.tray.store-connected")]
[PublishedBy("TrayConnector")]
public sealed record StoreConnected(string TenantId, string StoreId, string ApiAddress, DateTimeOffset OccurredAt) : ITenantMessage;
