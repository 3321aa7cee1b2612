using System.Net;
using Marten;
using Microsoft.Extensions.Options;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.TrayConnector.Features.Activity;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Features.Invoices;
using TrayBridge.TrayConnector.Features.Orders;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Auth;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Health;
using TrayBridge.TrayConnector.Tray.Json;
using TrayBridge.TrayConnector.Domain;
using TrayBridge.TrayConnector.Features.Orders.StatusMap;
using TrayBridge.TrayConnector.Features.Operations;

namespace TrayBridge.TrayConnector.Features.Cancellations;

/// <summary>Moves a cancelled sales order's Tray order to the store's mapped cancelled status (<c>PUT /orders/{id}</c> with
/// <c>status_id</c>, tray-api.md §4.6/§4.8 — the status map, not <c>/orders/cancel/{id}</c>, whose route sources dispute).
/// The order's status is read first (the mirror's when fresh): one already cancelled on Tray — the order was cancelled
/// there — gets no call, so whatever is retried Tray gets at most one PUT. Tray down or slow → retry with backoff; Tray
/// refusing → <c>Erro</c> and <c>TraySyncFailed</c>, re-driven by <c>POST /api/tray/orders/cancellations/retry</c>.</summary>
public sealed class SendOrderCancellation(IDocumentStore documents, OrderStatusReader statuses, InvoicedStatus current, TrayApiClient tray,
    TimeProvider time, IOptions<DueWorkSettings> settings, StoreActivityLog activity) : IDueWorkHandler
{
    public const string DueWorkKind = "tray.order-cancel";
    public const string AlreadyCancelled = "O pedido já estava cancelado na Tray: o status não foi alterado.";
    public const string NotMapped = "Nenhum status da loja está mapeado como \"cancelado\": o status do pedido na Tray não foi alterado.";

    public sealed record Payload(string CancellationId);

    public string Kind => DueWorkKind;

    public async Task<DueWorkOutcome> HandleAsync(DueWorkItem item, CancellationToken cancellationToken)
    {
        await using var session = documents.LightweightSession(item.TenantId);
        var cancellation = await session.LoadAsync<OrderCancellation>(item.PayloadAs<Payload>().CancellationId, cancellationToken);
        if (cancellation is null || cancellation.State != OrderCancellationState.Pendente) return DueWorkOutcome.Done;
        cancellation.Attempts = item.Attempt;
        try
        {
            cancellation.StatusNote = await MoveAsync(item.TenantId, cancellation, cancellationToken);
            (cancellation.StatusMoved, cancellation.State, cancellation.SentAt, cancellation.LastError) =
                (cancellation.StatusNote is null, OrderCancellationState.Enviado, time.GetUtcNow(), null);
            return await SaveAsync(session, cancellation, DueWorkOutcome.Done, cancellationToken);
        }
        catch (StoreDisabledException)
        {
            throw; // the operation disabled the store: the runner parks the item (deferred, never an attempt) until enabled
        }
        catch (TrayBudgetExhaustedException e)
        {
            return await RetryAsync(session, item, cancellation, e.RetryAt, $"Aguardando cota da Tray até {TrayProblems.SaoPaulo(e.RetryAt)}", cancellationToken);
        }
        catch (TrayStoreBackingOffException e)
        {
            return await RetryAsync(session, item, cancellation, e.RetryAt, e.Message, cancellationToken);
        }
        catch (Exception e) when (e is TrayApiException { Status: not HttpStatusCode.TooManyRequests and < HttpStatusCode.InternalServerError }
                                      or StoreUnavailableException)
        {
            (cancellation.State, cancellation.LastError) = (OrderCancellationState.Erro, TrayProblems.Describe(e));
            session.AppendIntegrationEvent(Guid.CreateVersion7(), new TraySyncFailed(item.TenantId, cancellation.StoreId, "order-cancel",
                $"Cancelamento do pedido {cancellation.TrayOrderId}: {e.Message}", Retryable: false, time.GetUtcNow()));
            return await SaveAsync(session, cancellation, DueWorkOutcome.Done, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not JasperFx.ConcurrencyException)
        {
            var backoff = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, item.Attempt), 600));
            return await RetryAsync(session, item, cancellation, time.GetUtcNow() + backoff, TrayProblems.Describe(e), cancellationToken);
        }
    }

    /// <summary>Null when the status was moved, else why not.</summary>
    private async Task<string?> MoveAsync(string tenantId, OrderCancellation cancellation, CancellationToken cancellationToken)
    {
        OrderStatusMap? map;
        await using (var query = documents.QuerySession(tenantId))
            map = await query.LoadAsync<OrderStatusMap>(cancellation.StoreId, cancellationToken);
        map ??= await statuses.RefreshAsync(tenantId, cancellation.StoreId, TrayPriority.InvoiceAndStatus, cancellationToken);
        var (statusId, _, cancelled) = await current.CurrentStatusAsync(tenantId, cancellation.StoreId, cancellation.TrayOrderId, cancellationToken);
        if (cancelled || map.IsCancelled(statusId)) return AlreadyCancelled;
        if (map.CancelledIds is not [var cancelledId, ..]) return NotMapped;
        var body = TrayJson.Envelope("Order", new Dictionary<string, string> { ["status_id"] = cancelledId });
        (await tray.SendAsync(tenantId, cancellation.StoreId, HttpMethod.Put, $"orders/{cancellation.TrayOrderId}", body,
            TrayPriority.InvoiceAndStatus, cancellationToken)).Dispose();
        return null;
    }

    private async Task<DueWorkOutcome> RetryAsync(IDocumentSession session, DueWorkItem item, OrderCancellation cancellation, DateTimeOffset at,
        string reason, CancellationToken cancellationToken)
    {
        cancellation.LastError = reason;
        if (item.Attempt < settings.Value.MaxAttempts) return await SaveAsync(session, cancellation, DueWorkOutcome.Retry(at, reason), cancellationToken);
        cancellation.State = OrderCancellationState.Erro;
        session.AppendIntegrationEvent(Guid.CreateVersion7(), new TraySyncFailed(item.TenantId, cancellation.StoreId, "order-cancel",
            $"Cancelamento do pedido {cancellation.TrayOrderId}, {item.Attempt} tentativas: {reason}", Retryable: true, time.GetUtcNow()));
        return await SaveAsync(session, cancellation, DueWorkOutcome.Done, cancellationToken);
    }

    private async Task<DueWorkOutcome> SaveAsync(IDocumentSession session, OrderCancellation cancellation, DueWorkOutcome outcome,
        CancellationToken cancellationToken)
    {
        // Settled (sent or given up): one line, committed with the state or dropped with it.
        if (cancellation.State != OrderCancellationState.Pendente)
            activity.Record(session, new ActivityLine(cancellation.StoreId, StoreActivityKinds.Cancellation,
                cancellation.State == OrderCancellationState.Erro ? StoreActivityResults.Error : StoreActivityResults.Ok,
                cancellation.State == OrderCancellationState.Erro ? cancellation.LastError : cancellation.StatusNote ?? "Pedido movido para o status de cancelado.",
                StoreActivitySubjects.Order, cancellation.TrayOrderId, cancellation.TrayOrderId));
        session.Update(cancellation);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (JasperFx.ConcurrencyException)
        {
            return DueWorkOutcome.Done; // re-driven meanwhile: that run settles it
        }
        return outcome;
    }
}
