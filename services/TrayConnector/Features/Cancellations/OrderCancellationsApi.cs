using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TrayConnector.Extensions;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.Cancellations;

/// <summary>Cancelled sales orders back to Tray: <see cref="SalesOrderCancelledConsumer"/> records, <see cref="SendOrderCancellation"/>
/// moves the status; each shows on its order's row of <c>GET /api/tray/orders</c> (<c>cancellation</c>), and
/// <c>POST /api/tray/orders/cancellations/retry</c> re-drives one that failed.</summary>
public static class OrderCancellationsApi
{
    public static WebApplicationBuilder AddOrderCancellationFeedback(this WebApplicationBuilder builder)
    {
        builder.Services.AddDueWorkHandler<SendOrderCancellation>();
        return builder;
    }

    public static void MapOrderCancellationsApi(this WebApplication app) =>
        app.MapPost("/api/tray/orders/cancellations/retry", RetryAsync).WithTags("Orders").ProducesTrayProblems(404, 409);

    private static async Task<Results<Accepted<OrderCancellationItem>, ValidationProblem, ProblemHttpResult>> RetryAsync(
        RetryOrderCancellationRequest request, IDocumentStore documents, TenantContext tenant, DueWorkScheduler scheduler, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.StoreId)) return Problems.Validation("storeId", "Informe a loja (storeId).");
        if (string.IsNullOrWhiteSpace(request.TrayOrderId)) return Problems.Validation("trayOrderId", "Informe o pedido da Tray (trayOrderId).");
        await using var session = documents.LightweightSession(tenant.Require());
        var id = OrderCancellation.IdFor(request.StoreId, request.TrayOrderId);
        if (await session.LoadAsync<OrderCancellation>(id, cancellationToken) is not { } cancellation)
            return Problems.NotFound(TrayProblemCodes.OrderCancellationNotFound, "Este pedido da Tray não tem cancelamento a enviar.");
        if (cancellation.State != OrderCancellationState.Erro)
            return Problems.Conflict(TrayProblemCodes.OrderCancellationNothingToResend,
                $"O cancelamento deste pedido está {(cancellation.State == OrderCancellationState.Pendente ? "pendente" : "concluído")}: não há nada a reenviar.");
        (cancellation.State, cancellation.LastError) = (OrderCancellationState.Pendente, null);
        session.Update(cancellation);
        scheduler.Schedule(session, SendOrderCancellation.DueWorkKind, new SendOrderCancellation.Payload(id), time.GetUtcNow(),
            partitionKey: cancellation.StoreId, orderingKey: Shipments.SalesOrderShippedConsumer.OrderKey(cancellation.StoreId, cancellation.TrayOrderId));
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted((string?)null, cancellation.View());
    }
}
