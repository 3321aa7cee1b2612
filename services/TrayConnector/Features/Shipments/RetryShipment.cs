using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.Shipments;

/// <summary><c>POST /api/tray/shipments/retry</c>: sends again, after a fix, a dispatch Tray refused (<c>Erro</c>) or one sent
/// without moving the order's status (no shipped status was mapped then). Tray's order is read before any PUT anyway, so
/// what it already has is not sent twice.</summary>
public static class RetryShipment
{
    public static async Task<Results<Accepted<ShipmentDeliveryItem>, ValidationProblem, ProblemHttpResult>> HandleAsync(RetryShipmentRequest request,
        IDocumentStore documents, TenantContext tenant, DueWorkScheduler scheduler, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.StoreId)) errors["storeId"] = ["Informe a loja (storeId)."];
        if (string.IsNullOrWhiteSpace(request.TrayOrderId)) errors["trayOrderId"] = ["Informe o pedido da Tray (trayOrderId)."];
        if (errors.Count > 0) return Problems.Validation(errors);
        await using var session = documents.LightweightSession(tenant.Require());
        var id = ShipmentDelivery.IdFor(request.StoreId!, request.TrayOrderId!);
        if (await session.LoadAsync<ShipmentDelivery>(id, cancellationToken) is not { } delivery)
            return Problems.NotFound(TrayProblemCodes.ShipmentDeliveryNotFound, "Nenhum envio foi informado para este pedido da Tray.");
        var statusLeft = delivery.State == ShipmentDeliveryState.Enviado && !delivery.StatusMoved;
        if (delivery.State != ShipmentDeliveryState.Erro && !statusLeft)
            return Problems.Conflict(TrayProblemCodes.ShipmentNothingToResend,
                $"O envio do rastreio está {(delivery.State == ShipmentDeliveryState.Pendente ? "pendente" : "concluído")}: não há nada a reenviar.");
        (delivery.State, delivery.LastError, delivery.StatusNote) = (ShipmentDeliveryState.Pendente, null, null);
        session.Update(delivery);
        scheduler.Schedule(session, SendShipment.DueWorkKind, new SendShipment.Payload(id), time.GetUtcNow(), partitionKey: delivery.StoreId,
            orderingKey: SalesOrderShippedConsumer.OrderKey(delivery.StoreId, delivery.TrayOrderId));
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (JasperFx.ConcurrencyException)
        {
            return Problems.Conflict(TrayProblemCodes.ShipmentNothingToResend, "O envio mudou ao mesmo tempo: consulte-o de novo.");
        }
        return TypedResults.Accepted((string?)null, delivery.View());
    }
}
