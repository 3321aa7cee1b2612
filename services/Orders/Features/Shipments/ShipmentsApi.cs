using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TrayBridge.Api;
using TrayBridge.Api.Orders;
using TrayBridge.Orders.Features.SalesOrders;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Orders.Features.Shipments;

/// <summary><c>POST /api/orders/sales-orders/{id}/shipment</c> and its bulk form <c>POST /api/orders/sales-orders/shipments</c>:
/// the dispatch of invoiced orders, which the connector takes to Tray (tracking code, URL, date and the shipped status).</summary>
public static class ShipmentsApi
{
    public static void MapShipmentsApi(this WebApplication app)
    {
        var orders = app.MapGroup("/api/orders/sales-orders").WithTags("Shipments");
        orders.MapPost("/{id:guid}/shipment", ShipAsync).WithMetadata(new RequestSizeLimitAttribute(ShipmentLimits.MaxBodyBytes))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        orders.MapPost("/shipments", ShipManyAsync).WithMetadata(new RequestSizeLimitAttribute(ShipmentLimits.MaxBulkBodyBytes))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }

    private static async Task<Results<Ok<SalesOrderDetail>, ValidationProblem, ProblemHttpResult>> ShipAsync(Guid id, ShipmentRequest body,
        IDocumentStore documents, TenantContext tenant, TimeProvider time, CancellationToken cancellationToken)
    {
        var (input, errors) = ShipmentInput.Parse(body.Carrier, body.TrackingCode, body.TrackingUrl, body.ShippedAt, time.GetUtcNow());
        if (input is null) return Problems.Validation(errors);
        var outcome = await ShipSalesOrder.ApplyAsync(documents, tenant.Require(), id, input, time.GetUtcNow(), cancellationToken);
        if (outcome.Missing) return SalesOrdersApi.NotFound();
        if (outcome.Reason is { } reason) return Problems.Conflict(reason.Code, reason.Detail);
        return TypedResults.Ok(SalesOrderViews.Detail(outcome.Order!));
    }

    private static async Task<Results<Ok<BulkShipmentResult>, ValidationProblem>> ShipManyAsync(BulkShipmentRequest body, IDocumentStore documents,
        TenantContext tenant, TimeProvider time, CancellationToken cancellationToken)
    {
        if (body.Items is not { Count: > 0 } items || items.Count > ShipmentLimits.MaxBulkItems)
            return Problems.Validation("items", $"Informe de 1 a {ShipmentLimits.MaxBulkItems} pedidos de venda.");
        if (items.GroupBy(i => i.SalesOrderId).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return Problems.Validation("items", $"O pedido de venda {twice.Key} aparece mais de uma vez.");
        var tenantId = tenant.Require();
        var outcomes = new List<BulkShipmentOutcome>(items.Count);
        foreach (var item in items)
        {
            var (input, errors) = ShipmentInput.Parse(item.Carrier, item.TrackingCode, item.TrackingUrl, item.ShippedAt, time.GetUtcNow());
            if (input is null)
            {
                outcomes.Add(new(item.SalesOrderId, ShipmentOutcomes.Refused,
                    new Reason(ApiProblem.Validation, string.Join(" ", errors.Values.SelectMany(e => e))), null));
                continue;
            }
            // One commit per order: one order refused or changed meanwhile does not hold back the others.
            var outcome = await ShipSalesOrder.ApplyAsync(documents, tenantId, item.SalesOrderId, input, time.GetUtcNow(), cancellationToken);
            outcomes.Add(new(item.SalesOrderId, outcome.Kind, outcome.Reason, ShipSalesOrder.View(outcome.Order?.Dispatch)));
        }
        return TypedResults.Ok(new BulkShipmentResult(outcomes.Count(o => o.Outcome == ShipmentOutcomes.Shipped),
            outcomes.Count(o => o.Outcome == ShipmentOutcomes.Unchanged), outcomes.Count(o => o.Outcome == ShipmentOutcomes.Refused), outcomes));
    }
}
