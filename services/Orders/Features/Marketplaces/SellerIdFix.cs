using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Orders;
using TrayBridge.Orders.Domain;
using TrayBridge.Orders.Features.SalesOrders;
using TrayBridge.ServiceDefaults.Fiscal;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Orders.Features.Marketplaces;

/// <summary><c>PUT /api/orders/sales-orders/{id}/intermediary/seller-id</c>: the seller's id for this order, or — with
/// <see cref="IntermediarySellerIdFix.ApplyToMarketplace"/> — for its store's marketplace, which also fills every other
/// open order of it ("aplicar a todos os pedidos deste marketplace").</summary>
public static class SellerIdFix
{
    public static readonly SalesOrderFixes.Fix Fix = new("sellerId",
        $"O id do vendedor tem de {IntermediaryRule.SellerIdMinLength} a {IntermediaryRule.SellerIdMaxLength} caracteres (letras, números e sinais comuns).",
        OrderProblemCodes.NoIntermediary, "O pedido de venda não foi feito em um marketplace: não tem intermediador.");

    public static async Task<Results<Ok<SalesOrderDetail>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid id, IntermediarySellerIdFix body,
        IDocumentStore documents, TenantContext tenant, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!body.ApplyToMarketplace)
            return await SalesOrderFixes.ApplyAsync(id, documents, tenant, Fix, body.SellerId, order => order.SetIntermediarySellerId(body.SellerId), cancellationToken);
        await using (var session = documents.QuerySession(tenant.Require()))
        {
            if (await session.LoadAsync<SalesOrder>(id, cancellationToken) is not { } order) return SalesOrdersApi.NotFound();
            if (order.Intermediary is not { } intermediary) return ServiceDefaults.Http.Problems.NotFound(Fix.AbsentCode!, Fix.Absent!);
            if (SetMarketplaceSellerId.Invalid(order.StoreId, intermediary.Name, body.SellerId) is { } invalid) return invalid;
            if (order.Invoiced) return ServiceDefaults.Http.Problems.Conflict(OrderProblemCodes.Invoiced,
                "O pedido de venda já foi faturado: seus dados não podem mais ser alterados.");
            await SetMarketplaceSellerId.ApplyAsync(documents, tenant.Require(), order.StoreId, intermediary.Name,
                IntermediaryRule.NormalizeSellerId(body.SellerId)!, time.GetUtcNow(), cancellationToken);
        }
        await using (var session = documents.QuerySession(tenant.Require()))
        {
            // Filled from the store's id (and so following it if it is corrected later), unless it had an id of its own.
            if (await session.LoadAsync<SalesOrder>(id, cancellationToken) is { Intermediary.SellerIdFromStore: true } filled)
                return TypedResults.Ok(SalesOrderViews.Detail(filled));
        }
        // It had one of its own, which the store's never replaces: the merchant typed this one for it, so it is set too.
        return await SalesOrderFixes.ApplyAsync(id, documents, tenant, Fix, body.SellerId, order => order.SetIntermediarySellerId(body.SellerId), cancellationToken);
    }
}
