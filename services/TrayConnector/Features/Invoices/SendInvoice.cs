using System.Net;
using Marten;
using Microsoft.Extensions.Options;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.Api.Tray;
using TrayBridge.TrayConnector.Features.Activity;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Auth;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Health;
using TrayBridge.TrayConnector.Domain;
using TrayBridge.TrayConnector.Features.Operations;

namespace TrayBridge.TrayConnector.Features.Invoices;

/// <summary>Delivers one NF-e to its Tray order: the invoice (found first, posted only if absent), then the order's status,
/// then <c>TrayInvoiceSent</c>. Each step is recorded as it succeeds, so a retry resumes where the last attempt stopped.
/// Tray down or slow → due-work retry with backoff; Tray refusing (4xx but 429) → <c>Erro</c> and <c>TraySyncFailed</c>.</summary>
public sealed class SendInvoice(IDocumentStore documents, TrayInvoicePoster poster, InvoicedStatus status, TimeProvider time,
    IOptions<DueWorkSettings> settings, TrayMetrics metrics, StoreActivityLog activity) : IDueWorkHandler
{
    public const string DueWorkKind = "tray.invoice-send";

    public sealed record Payload(string DeliveryId);

    public string Kind => DueWorkKind;

    public async Task<DueWorkOutcome> HandleAsync(DueWorkItem item, CancellationToken cancellationToken)
    {
        await using var session = documents.LightweightSession(item.TenantId);
        var delivery = await session.LoadAsync<InvoiceDelivery>(item.PayloadAs<Payload>().DeliveryId, cancellationToken);
        // Cancelled at SEFAZ before any POST of it: never sent (CancelInvoice, queued behind this, settles the row).
        if (delivery is null || delivery.State != InvoiceDeliveryState.Pendente || delivery.CancelledBeforeTray) return DueWorkOutcome.Done;
        delivery.Attempts = item.Attempt;
        try
        {
            if (delivery.TrayInvoiceId is null)
            {
                // Recorded before the POST: from then on an attempt's outcome may be unknown, and the next one looks first.
                var mayExist = delivery.PostStartedAt is not null;
                if (!mayExist)
                {
                    delivery.PostStartedAt = time.GetUtcNow();
                    await SaveAsync(session, delivery, cancellationToken);
                }
                // The order's cancelled note still on Tray (it cannot be deleted there): this note takes its place.
                var replaced = await ReplaceableAsync(session, delivery, cancellationToken);
                delivery.TrayInvoiceId = await poster.EnsureAsync(item.TenantId, delivery, mayExist, replaced?.TrayInvoiceId, cancellationToken);
                if (replaced is not null && replaced.TrayInvoiceId == delivery.TrayInvoiceId)
                {
                    replaced.ReplacedByKey = delivery.Key;
                    session.Store(replaced);
                }
                activity.Record(session, Line(delivery, StoreActivityResults.Ok, replaced is null
                    ? $"NF-e {delivery.Number} no pedido {delivery.TrayOrderId}."
                    : $"NF-e {delivery.Number} no pedido {delivery.TrayOrderId}, no lugar da nota cancelada {replaced.Number}."));
                await SaveAsync(session, delivery, cancellationToken);
            }
            if (!delivery.StatusMoved && delivery.StatusNote is null)
            {
                delivery.StatusNote = await status.MoveAsync(item.TenantId, delivery.StoreId, delivery.TrayOrderId, cancellationToken);
                delivery.StatusMoved = delivery.StatusNote is null;
            }
            (delivery.State, delivery.SentAt, delivery.LastError) = (InvoiceDeliveryState.Enviada, time.GetUtcNow(), null);
            activity.Record(session, new ActivityLine(delivery.StoreId, StoreActivityKinds.OrderStatus, StoreActivityResults.Ok,
                delivery.StatusNote ?? "Pedido movido para o status de faturado.", StoreActivitySubjects.Order, delivery.TrayOrderId, delivery.TrayOrderId));
            session.AppendIntegrationEvent(Guid.CreateVersion7(),
                new TrayInvoiceSent(item.TenantId, delivery.StoreId, delivery.TrayOrderId, delivery.Key, time.GetUtcNow()));
            await SaveAsync(session, delivery, cancellationToken);
            metrics.InvoiceSent("sent");
            return DueWorkOutcome.Done;
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
            return await RetryAsync(session, item, delivery, e.RetryAt, e.Message, cancellationToken); // "Tray não responde desde …"
        }
        catch (Exception e) when (e is TrayApiException { Status: not HttpStatusCode.TooManyRequests and < HttpStatusCode.InternalServerError }
                                      or StoreUnavailableException)
        {
            // Tray refused for good: visible on the delivery and on the bus; sending again needs a person.
            (delivery.State, delivery.LastError) = (InvoiceDeliveryState.Erro, TrayProblems.Describe(e));
            activity.Record(session, Line(delivery, StoreActivityResults.Error, $"NF-e {delivery.Number}: {delivery.LastError}"));
            session.AppendIntegrationEvent(Guid.CreateVersion7(), new TraySyncFailed(item.TenantId, delivery.StoreId, "invoice",
                $"NF-e {delivery.Number} do pedido {delivery.TrayOrderId}: {e.Message}", Retryable: false, time.GetUtcNow()));
            await SaveAsync(session, delivery, cancellationToken);
            metrics.InvoiceSent("refused");
            return DueWorkOutcome.Done;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Tray down, slow or answering 5xx/429: try again later; the delivery shows the last error meanwhile.
            var backoff = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, item.Attempt), 600));
            metrics.InvoiceSent("retry"); // a failed attempt; waits for budget or a backing-off store are not attempts
            return await RetryAsync(session, item, delivery, time.GetUtcNow() + backoff, TrayProblems.Describe(e), cancellationToken, attempted: true);
        }
    }

    /// <summary>Another attempt later — unless this was the last one the due work allows: then <c>Erro</c>, visible and re-drivable,
    /// rather than a delivery left <c>Pendente</c> that nothing will ever run again.</summary>
    private async Task<DueWorkOutcome> RetryAsync(IDocumentSession session, DueWorkItem item, InvoiceDelivery delivery, DateTimeOffset at,
        string reason, CancellationToken cancellationToken, bool attempted = false)
    {
        delivery.LastError = reason;
        var giveUp = item.Attempt >= settings.Value.MaxAttempts;
        // A failed attempt (Tray down, 5xx) is worth a line; a wait for the budget or a backing-off store is not one (the
        // budget's waits are counted apart, the store's failing shows on the store).
        if (giveUp || attempted)
            activity.Record(session, Line(delivery, StoreActivityResults.Error, giveUp
                ? $"NF-e {delivery.Number}, {item.Attempt} tentativas: {reason}"
                : $"NF-e {delivery.Number}: {reason} (nova tentativa às {TrayProblems.SaoPaulo(at)})"));
        if (giveUp)
        {
            delivery.State = InvoiceDeliveryState.Erro;
            session.AppendIntegrationEvent(Guid.CreateVersion7(), new TraySyncFailed(item.TenantId, delivery.StoreId, "invoice",
                $"NF-e {delivery.Number} do pedido {delivery.TrayOrderId}, {item.Attempt} tentativas: {reason}", Retryable: true, time.GetUtcNow()));
        }
        await SaveAsync(session, delivery, cancellationToken);
        if (giveUp) metrics.InvoiceSent("gave_up");
        return giveUp ? DueWorkOutcome.Done : DueWorkOutcome.Retry(at, reason);
    }

    private static ActivityLine Line(InvoiceDelivery delivery, string result, string reason) =>
        new(delivery.StoreId, StoreActivityKinds.Invoice, result, reason, StoreActivitySubjects.Note, delivery.Key, delivery.TrayInvoiceId);

    private static Task<InvoiceDelivery?> ReplaceableAsync(IDocumentSession session, InvoiceDelivery delivery, CancellationToken cancellationToken) =>
        session.Query<InvoiceDelivery>()
            // By CancelledAt rather than the state: LINQ compares enums as numbers while the row stores the state's name.
            .Where(d => d.StoreId == delivery.StoreId && d.TrayOrderId == delivery.TrayOrderId && d.CancelledAt != null
                        && d.TrayInvoiceId != null && d.ReplacedByKey == null && d.Id != delivery.Id)
            .OrderByDescending(d => d.CancelledAt).FirstOrDefaultAsync(cancellationToken);

    private static async Task SaveAsync(IDocumentSession session, InvoiceDelivery delivery, CancellationToken cancellationToken)
    {
        session.Store(delivery);
        await session.SaveChangesAsync(cancellationToken);
    }
}
