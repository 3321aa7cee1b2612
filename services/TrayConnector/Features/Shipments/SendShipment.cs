using System.Globalization;
using System.Net;
using Marten;
using Microsoft.Extensions.Options;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.TrayConnector.Features.Activity;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Auth;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Health;
using TrayBridge.TrayConnector.Domain;
using TrayBridge.TrayConnector.Features.Operations;

namespace TrayBridge.TrayConnector.Features.Shipments;

/// <summary>Sends one dispatch to its Tray order (<see cref="TrayShipmentUpdate"/>: read, compare, at most one PUT), then marks
/// it <c>Enviado</c>. Tray down or slow → due-work retry with backoff; Tray refusing (4xx but 429) → <c>Erro</c> and
/// <c>TraySyncFailed</c>, re-driven by <c>POST /api/tray/shipments/retry</c>.</summary>
public sealed class SendShipment(IDocumentStore documents, TrayShipmentUpdate update, TimeProvider time, IOptions<DueWorkSettings> settings,
    StoreActivityLog activity)
    : IDueWorkHandler
{
    public const string DueWorkKind = "tray.shipment-send";

    public sealed record Payload(string DeliveryId);

    public string Kind => DueWorkKind;

    public async Task<DueWorkOutcome> HandleAsync(DueWorkItem item, CancellationToken cancellationToken)
    {
        await using var session = documents.LightweightSession(item.TenantId);
        var delivery = await session.LoadAsync<ShipmentDelivery>(item.PayloadAs<Payload>().DeliveryId, cancellationToken);
        if (delivery is null || delivery.State != ShipmentDeliveryState.Pendente) return DueWorkOutcome.Done;
        delivery.Attempts = item.Attempt;
        try
        {
            delivery.StatusNote = await update.ApplyAsync(item.TenantId, delivery, cancellationToken);
            (delivery.StatusMoved, delivery.State, delivery.SentAt, delivery.LastError) =
                (delivery.StatusNote is null, ShipmentDeliveryState.Enviado, time.GetUtcNow(), null);
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
            return await RetryAsync(session, item, delivery, e.RetryAt, e.Message, cancellationToken); // "Tray não responde desde …"
        }
        catch (Exception e) when (e is TrayApiException { Status: not HttpStatusCode.TooManyRequests and < HttpStatusCode.InternalServerError }
                                      or StoreUnavailableException)
        {
            (delivery.State, delivery.LastError) = (ShipmentDeliveryState.Erro, TrayProblems.Describe(e));
            session.AppendIntegrationEvent(Guid.CreateVersion7(), new TraySyncFailed(item.TenantId, delivery.StoreId, "shipment",
                $"Rastreio {delivery.TrackingCode} do pedido {delivery.TrayOrderId}: {e.Message}", Retryable: false, time.GetUtcNow()));
            return await SaveAsync(session, delivery, DueWorkOutcome.Done, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not JasperFx.ConcurrencyException)
        {
            var backoff = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, item.Attempt), 600));
            return await RetryAsync(session, item, delivery, time.GetUtcNow() + backoff, TrayProblems.Describe(e), cancellationToken);
        }
    }

    /// <summary>Another attempt later — unless this was the last the due work allows: then <c>Erro</c>, visible and re-drivable.</summary>
    private async Task<DueWorkOutcome> RetryAsync(IDocumentSession session, DueWorkItem item, ShipmentDelivery delivery, DateTimeOffset at,
        string reason, CancellationToken cancellationToken)
    {
        delivery.LastError = reason;
        if (item.Attempt < settings.Value.MaxAttempts) return await SaveAsync(session, delivery, DueWorkOutcome.Retry(at, reason), cancellationToken);
        delivery.State = ShipmentDeliveryState.Erro;
        session.AppendIntegrationEvent(Guid.CreateVersion7(), new TraySyncFailed(item.TenantId, delivery.StoreId, "shipment",
            $"Rastreio {delivery.TrackingCode} do pedido {delivery.TrayOrderId}, {item.Attempt.ToString(CultureInfo.InvariantCulture)} tentativas: {reason}",
            Retryable: true, time.GetUtcNow()));
        return await SaveAsync(session, delivery, DueWorkOutcome.Done, cancellationToken);
    }

    // A newer dispatch recorded meanwhile (optimistic version) wins: this outcome is dropped, and the newer one has its own run.
    private async Task<DueWorkOutcome> SaveAsync(IDocumentSession session, ShipmentDelivery delivery, DueWorkOutcome outcome,
        CancellationToken cancellationToken)
    {
        // Settled (sent or given up): one line, committed with the state or dropped with it.
        if (delivery.State != ShipmentDeliveryState.Pendente)
            activity.Record(session, new ActivityLine(delivery.StoreId, StoreActivityKinds.Shipment,
                delivery.State == ShipmentDeliveryState.Erro ? StoreActivityResults.Error : StoreActivityResults.Ok,
                delivery.State == ShipmentDeliveryState.Erro ? delivery.LastError : delivery.StatusNote ?? $"Rastreio {delivery.TrackingCode} ({delivery.Carrier}) enviado ao pedido.",
                StoreActivitySubjects.Order, delivery.TrayOrderId, delivery.TrayOrderId));
        session.Update(delivery);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (JasperFx.ConcurrencyException)
        {
            return DueWorkOutcome.Done;
        }
        return outcome;
    }
}
