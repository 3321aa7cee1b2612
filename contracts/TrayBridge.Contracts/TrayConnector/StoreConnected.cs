using MassTransit;

namespace TrayBridge.Contracts.TrayConnector;

/// <summary>A Tray store (Loja Virtual) was registered and its code exchanged for tokens.</summary>
[MessageUrn("traybridge:tray:store-connected:v1", false)]
[EntityName("traybridge.tray.store-connected")]
[PublishedBy("TrayConnector")]
public sealed record StoreConnected(string TenantId, string StoreId, string ApiAddress, DateTimeOffset OccurredAt) : ITenantMessage;
