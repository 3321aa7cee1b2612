using Marten;
using Microsoft.Extensions.Options;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Health;
using TrayBridge.TrayConnector.Domain;
using TrayBridge.TrayConnector.Features.Operations;

namespace TrayBridge.TrayConnector.Features.Invoices;

/// <summary>Settles a cancelled NF-e's delivery, after the note's own send (same ordering key). Tray's API has no way to
/// delete an order's invoice (GET, POST and PUT only, tray-api.md §5.1): a note that never reached Tray is simply never
/// posted; one that did stays on the order — its DANFE link, read live from Invoicing, shows it CANCELADA — until the
/// order's next note is put over it (<see cref="SendInvoice"/>: one PUT, so the order ends with one invoice, the valid
/// one). Only a send whose outcome is unknown costs a look-up here, at the invoice's priority.</summary>
public sealed class CancelInvoice(IDocumentStore documents, TrayInvoiceLookup lookup, TimeProvider time, IOptions<DueWorkSettings> settings)
    : IDueWorkHandler
{
    public const string DueWorkKind = "tray.invoice-cancel";

    public const string NeverSent = "NF-e cancelada na SEFAZ antes de chegar à Tray: nada foi enviado ao pedido.";
    public const string KeptOnTray = "NF-e cancelada na SEFAZ. A Tray não permite excluir a nota de um pedido: ela fica no pedido, "
        + "com o DANFE marcado CANCELADA, até a próxima NF-e deste pedido tomar o seu lugar.";

    public sealed record Payload(string DeliveryId, DateTimeOffset CancelledAt, string Protocol);

    public string Kind => DueWorkKind;

    public async Task<DueWorkOutcome> HandleAsync(DueWorkItem item, CancellationToken cancellationToken)
    {
        var payload = item.PayloadAs<Payload>();
        await using var session = documents.LightweightSession(item.TenantId);
        var delivery = await session.LoadAsync<InvoiceDelivery>(payload.DeliveryId, cancellationToken);
        if (delivery is null || delivery.State == InvoiceDeliveryState.Cancelada) return DueWorkOutcome.Done;
        // Again from the payload: the send that ran before may have saved the row over the consumer's mark.
        (delivery.CancelledAt, delivery.CancellationProtocol, delivery.Attempts) = (payload.CancelledAt, payload.Protocol, item.Attempt);
        try
        {
            if (delivery.TrayInvoiceId is null && delivery.PostStartedAt is not null)
                delivery.TrayInvoiceId = await lookup.FindAsync(item.TenantId, delivery, cancellationToken);
            (delivery.State, delivery.LastError) = (InvoiceDeliveryState.Cancelada, null);
            delivery.CancellationNote = delivery.TrayInvoiceId is null ? NeverSent : KeptOnTray;
            return await SaveAsync(session, delivery, DueWorkOutcome.Done, cancellationToken);
        }
        catch (StoreDisabledException)
        {
            throw; // the operation disabled the store: the runner parks the item (deferred, never an attempt) until enabled
        }
        catch (TrayBudgetExhaustedException e)
        {
            return await RetryAsync(session, item, delivery, e.RetryAt, $"Aguardando cota da Tray até {TrayProblems.SaoPaulo(e.RetryAt)}", cancellationToken);
        }
        catch (TrayStoreBackingOffException e)
        {
            return await RetryAsync(session, item, delivery, e.RetryAt, e.Message, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var backoff = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, item.Attempt), 600));
            return await RetryAsync(session, item, delivery, time.GetUtcNow() + backoff, TrayProblems.Describe(e), cancellationToken);
        }
    }

    /// <summary>Retried with backoff; at the last attempt <c>Erro</c>, shown, and re-driven by <c>POST /api/tray/invoices/retry</c>.</summary>
    private async Task<DueWorkOutcome> RetryAsync(IDocumentSession session, DueWorkItem item, InvoiceDelivery delivery, DateTimeOffset at,
        string reason, CancellationToken cancellationToken)
    {
        delivery.LastError = $"Cancelamento da NF-e: {reason}";
        if (item.Attempt < settings.Value.MaxAttempts) return await SaveAsync(session, delivery, DueWorkOutcome.Retry(at, reason), cancellationToken);
        delivery.State = InvoiceDeliveryState.Erro;
        return await SaveAsync(session, delivery, DueWorkOutcome.Done, cancellationToken);
    }

    private static async Task<DueWorkOutcome> SaveAsync(IDocumentSession session, InvoiceDelivery delivery, DueWorkOutcome outcome,
        CancellationToken cancellationToken)
    {
        session.Store(delivery);
        await session.SaveChangesAsync(cancellationToken);
        return outcome;
    }
}
