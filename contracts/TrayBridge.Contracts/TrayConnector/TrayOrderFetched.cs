using MassTransit;

namespace TrayBridge.Contracts.TrayConnector;

/// <summary>A Tray order was read in full (<c>/orders/{id}/complete</c>) for import.</summary>
[MessageUrn("traybridge:tray:order-fetched:v1", false)]
[EntityName("traybridge.tray.order-fetched")]
public sealed record TrayOrderFetched(
    string TenantId, string StoreId, string TrayOrderId, string Status, string Origin, decimal Total,
    DateTimeOffset OccurredAt) : ITenantMessage;
