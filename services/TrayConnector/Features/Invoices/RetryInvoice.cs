using Marten;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.TrayConnector.Features.Invoices;

/// <summary><c>POST /api/tray/invoices/retry</c>: sends again, after a fix, a delivery Tray refused (<c>Erro</c>) or one
/// sent without moving the order's status (no invoiced status was mapped then). What already reached Tray is not repeated:
/// the delivery keeps Tray's invoice id, and the invoice is looked for before any POST anyway.</summary>
public static class RetryInvoice
{
    public sealed record Request(string? StoreId, string? TrayOrderId, string? Key);

    public static async Task<IResult> HandleAsync(Request request, IDocumentStore documents, TenantContext tenant, DueWorkScheduler scheduler,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.StoreId) || string.IsNullOrWhiteSpace(request.TrayOrderId) || string.IsNullOrWhiteSpace(request.Key))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["request"] = ["storeId, trayOrderId and key are required."] });
        await using var session = documents.LightweightSession(tenant.Require());
        var id = InvoiceDelivery.IdFor(request.StoreId, request.TrayOrderId, request.Key);
        if (await session.LoadAsync<InvoiceDelivery>(id, cancellationToken) is not { } delivery)
            return Results.Problem(statusCode: 404, title: "No such invoice delivery.");
        var statusLeft = delivery.State == InvoiceDeliveryState.Enviada && !delivery.StatusMoved;
        if (delivery.State != InvoiceDeliveryState.Erro && !statusLeft)
            return Results.Problem(statusCode: 409, title: $"The delivery is {delivery.State}: nothing to send again.");
        (delivery.State, delivery.LastError, delivery.StatusNote) = (InvoiceDeliveryState.Pendente, null, null);
        session.Store(delivery);
        scheduler.Schedule(session, SendInvoice.DueWorkKind, new SendInvoice.Payload(id), time.GetUtcNow());
        await session.SaveChangesAsync(cancellationToken);
        return Results.Accepted(value: delivery);
    }
}
