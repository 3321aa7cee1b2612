using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.Invoices;

/// <summary><c>POST /api/tray/invoices/retry</c>: sends again, after a fix, a delivery Tray refused (<c>Erro</c>) or one
/// sent without moving the order's status (no invoiced status was mapped then). What already reached Tray is not repeated:
/// the delivery keeps Tray's invoice id, and the invoice is looked for before any POST anyway.</summary>
public static class RetryInvoice
{
    public static async Task<Results<Accepted<InvoiceDeliveryItem>, ValidationProblem, ProblemHttpResult>> HandleAsync(RetryInvoiceRequest request,
        IDocumentStore documents, TenantContext tenant, DueWorkScheduler scheduler, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.StoreId)) errors["storeId"] = ["Informe a loja (storeId)."];
        if (string.IsNullOrWhiteSpace(request.TrayOrderId)) errors["trayOrderId"] = ["Informe o pedido da Tray (trayOrderId)."];
        if (string.IsNullOrWhiteSpace(request.Key)) errors["key"] = ["Informe a chave de acesso da NF-e (key)."];
        if (errors.Count > 0) return Problems.Validation(errors);
        await using var session = documents.LightweightSession(tenant.Require());
        var id = InvoiceDelivery.IdFor(request.StoreId!, request.TrayOrderId!, request.Key!);
        if (await session.LoadAsync<InvoiceDelivery>(id, cancellationToken) is not { } delivery)
            return Problems.NotFound(TrayProblemCodes.InvoiceDeliveryNotFound, "Esta NF-e não foi enviada a este pedido da Tray.");
        var statusLeft = delivery.State == InvoiceDeliveryState.Enviada && !delivery.StatusMoved;
        if (delivery.State != InvoiceDeliveryState.Erro && !statusLeft)
            return Problems.Conflict(TrayProblemCodes.NothingToResend,
                $"O envio desta NF-e está {delivery.State switch { InvoiceDeliveryState.Pendente => "pendente", InvoiceDeliveryState.Cancelada => "encerrado (nota cancelada)", _ => "concluído" }}: não há nada a reenviar.");
        (delivery.State, delivery.LastError, delivery.StatusNote) = (InvoiceDeliveryState.Pendente, null, null);
        session.Store(delivery);
        var orderKey = Shipments.SalesOrderShippedConsumer.OrderKey(delivery.StoreId, delivery.TrayOrderId);
        // A cancelled note is never sent again: what failed was settling its cancellation.
        if (delivery.CancelledAt is { } cancelledAt)
            scheduler.Schedule(session, CancelInvoice.DueWorkKind, new CancelInvoice.Payload(id, cancelledAt, delivery.CancellationProtocol ?? ""),
                time.GetUtcNow(), partitionKey: delivery.StoreId, orderingKey: orderKey);
        else
            scheduler.Schedule(session, SendInvoice.DueWorkKind, new SendInvoice.Payload(id), time.GetUtcNow(), partitionKey: delivery.StoreId,
                orderingKey: orderKey);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted((string?)null, InvoicesApi.View(delivery));
    }
}
