using MassTransit;

namespace TrayBridge.Contracts.TrayConnector;

/// <summary>Request to the connector: is this Tray store connected to the tenant, and where? Asked by a service that has not
/// heard <see cref="StoreConnected"/> yet (it is published after the registration commits), so a store is usable everywhere
/// from the registration's answer on. Answered with <see cref="StoreConnection"/>.</summary>
[MessageUrn("traybridge:tray:store-connection-requested:v1", false)]
[EntityName("traybridge.tray.store-connection-requested")]
[PublishedBy("Catalog", Role = MessageRole.Request)]
public sealed record StoreConnectionRequested(string TenantId, string StoreId, DateTimeOffset OccurredAt) : ITenantMessage;

/// <summary>The connector's answer: <see cref="Connected"/> when the tenant has the store registered (its
/// <see cref="ApiAddress"/> and <see cref="ConnectedAt"/>, as <see cref="StoreConnected"/> carries them); false when it has not.</summary>
[MessageUrn("traybridge:tray:store-connection:v1", false)]
[EntityName("traybridge.tray.store-connection")]
[PublishedBy("TrayConnector", Role = MessageRole.Response)]
public sealed record StoreConnection(string TenantId, string StoreId, bool Connected, string? ApiAddress, DateTimeOffset? ConnectedAt,
    DateTimeOffset OccurredAt) : ITenantMessage;
