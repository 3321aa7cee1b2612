using MassTransit;

namespace TrayBridge.Contracts.Invoicing;

/// <summary>
/// An authorized NF-e was cancelled at SEFAZ (evento 110111, cStat 135 or 155): the note no longer stands and its
/// sales order may be invoiced again or cancelled. <see cref="Protocol"/> is the event's protocol (nProt), not the note's.
/// </summary>
/// <param name="TenantId">The tenant (the ERP account) the event belongs to; equal to the TenantId header.</param>
/// <param name="StoreId">The Tray store id (Usuário of the Loja Virtual), as registered.</param>
/// <param name="TrayOrderId">Tray's order id in that store.</param>
/// <param name="SalesOrderId">The ERP sales order (pedido de venda) id in Orders.</param>
/// <param name="NfeId">The note's id in Invoicing (GET /api/invoicing/nfes/{id}).</param>
/// <param name="ChaveDeAcesso">The NF-e's 44-digit access key.</param>
/// <param name="Number">The NF-e number (nNF) in its series.</param>
/// <param name="Series">The NF-e series.</param>
/// <param name="Justification">The merchant's justification sent to SEFAZ (xJust, 15–255 characters).</param>
/// <param name="Protocol">SEFAZ's protocol number (nProt).</param>
/// <param name="CancelledAt">When SEFAZ registered the cancellation event (dhRegEvento).</param>
/// <param name="OccurredAt">When it happened, in the publishing service's clock (UTC offset included).</param>
[MessageUrn("traybridge:invoicing:nfe-cancelled:v1", false)]
[EntityName("traybridge.invoicing.nfe-cancelled")]
[PublishedBy("Invoicing")]
public sealed record NfeCancelled(
    string TenantId, string StoreId, string TrayOrderId, Guid SalesOrderId, Guid NfeId, string ChaveDeAcesso, int Number,
    int Series, string Justification, string Protocol, DateTimeOffset CancelledAt, DateTimeOffset OccurredAt) : ITenantMessage;
