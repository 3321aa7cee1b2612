using MassTransit;

namespace TrayBridge.Contracts.TrayConnector;

/// <summary>An authorized NF-e was posted to the Tray order and its status moved.</summary>
[MessageUrn("traybridge:tray:invoice-sent:v1", false)]
[EntityName("traybridge.tray.invoice-sent")]
[PublishedBy("TrayConnector")]
public sealed record TrayInvoiceSent(
    string TenantId, string StoreId, string TrayOrderId, string ChaveDeAcesso, DateTimeOffset OccurredAt) : ITenantMessage;
