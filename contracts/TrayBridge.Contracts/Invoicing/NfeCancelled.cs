using MassTransit;

namespace TrayBridge.Contracts.Invoicing;

/// <summary>
/// An authorized NF-e was cancelled at SEFAZ (evento 110111, cStat 135 or 155): the note no longer stands and its
/// sales order may be invoiced again or cancelled. <see cref="Protocol"/> is the event's protocol (nProt), not the note's.
/// </summary>
[MessageUrn("traybridge:invoicing:nfe-cancelled:v1", false)]
[EntityName("traybridge.invoicing.nfe-cancelled")]
[PublishedBy("Invoicing")]
public sealed record NfeCancelled(
    string TenantId, string StoreId, string TrayOrderId, Guid SalesOrderId, Guid NfeId, string ChaveDeAcesso, int Number,
    int Series, string Justification, string Protocol, DateTimeOffset CancelledAt, DateTimeOffset OccurredAt) : ITenantMessage;
