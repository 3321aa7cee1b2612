using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Orders;
using TrayBridge.Contracts.Orders;
using TrayBridge.Orders.Domain;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Orders.Features.SalesOrders;

/// <summary><c>POST /api/orders/sales-orders/{id}/cancel</c>: the merchant cancels an order with no authorized NF-e. The
/// order and <c>SalesOrderCancelled</c> commit together (stock back in the Catalog, the Tray order moved to the store's
/// cancelled status by the connector). Cancelling again answers the order as it is; an invoiced order is refused, since
/// its NF-e must be cancelled first, at SEFAZ.</summary>
public static class CancelSalesOrder
{
    public static async Task<Results<Ok<SalesOrderDetail>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid id,
        SalesOrderCancelRequest body, IDocumentStore documents, TenantContext tenant, TimeProvider time, CancellationToken cancellationToken)
    {
        var reason = string.IsNullOrWhiteSpace(body.Reason) ? null : body.Reason.Trim();
        if (reason is { Length: > SalesOrderCancelRequest.MaxReasonLength })
            return Problems.Validation("reason", $"No máximo {SalesOrderCancelRequest.MaxReasonLength} caracteres.");
        await using var session = documents.LightweightSession(tenant.Require());
        if (await session.LoadAsync<SalesOrder>(id, cancellationToken) is not { } order) return SalesOrdersApi.NotFound();
        var now = time.GetUtcNow();
        switch (order.Cancel(reason, now))
        {
            case CancelChange.Invoiced:
                return Problems.Conflict(OrderProblemCodes.NfeAuthorized,
                    $"O pedido tem a NF-e {order.NfeNumber} autorizada: cancele a nota em Notas fiscais antes de cancelar o pedido.");
            case CancelChange.Unchanged:
                return TypedResults.Ok(SalesOrderViews.Detail(order));
        }
        session.Store(order);
        session.AppendIntegrationEvent(order.Id, new SalesOrderCancelled(order.TenantId, order.StoreId, order.TrayOrderId, order.Id,
            reason is null ? "Pedido cancelado no ERP." : $"Pedido cancelado no ERP: {reason}", now));
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (JasperFx.ConcurrencyException)
        {
            return Problems.Conflict(OrderProblemCodes.Changed,
                "O pedido de venda foi alterado ao mesmo tempo por outra operação: abra-o de novo e repita o cancelamento.");
        }
        return TypedResults.Ok(SalesOrderViews.Detail(order));
    }
}
