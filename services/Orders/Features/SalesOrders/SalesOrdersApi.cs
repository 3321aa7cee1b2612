using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TrayBridge.Api.Orders;
using TrayBridge.Orders.Domain;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Orders.Features.SalesOrders;

/// <summary>Sales orders (pedidos de venda) made from Tray orders: list, read, and the fixes that make a pending order
/// ready for NF-e. Every query runs in the caller's tenant session: another tenant's order is simply not found.</summary>
public static class SalesOrdersApi
{
    public static void MapSalesOrdersApi(this WebApplication app)
    {
        var orders = app.MapGroup("/api/orders/sales-orders").WithTags("Sales orders");
        orders.MapGet("/", ListSalesOrders.HandleAsync);
        orders.MapGet("/{id:guid}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound);
        // The fixes' bodies are a field or two: anything bigger is refused before it is read.
        var fixes = orders.MapGroup("/{id:guid}").WithMetadata(new RequestSizeLimitAttribute(FixLimits.MaxBodyBytes))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        fixes.MapPut("/customer/tax-id", (Guid id, CustomerTaxIdFix body, IDocumentStore documents, TenantContext tenant, CancellationToken ct) =>
            SalesOrderFixes.ApplyAsync(id, documents, tenant, SalesOrderFixes.TaxId, body.TaxId, order => order.SetCustomerTaxId(body.TaxId), ct));
        fixes.MapPut("/items/{line:int}/ncm", (Guid id, int line, ItemNcmFix body, IDocumentStore documents, TenantContext tenant, CancellationToken ct) =>
            SalesOrderFixes.ApplyAsync(id, documents, tenant, SalesOrderFixes.Ncm, body.Ncm, order => order.SetItemNcm(line, body.Ncm), ct));
        fixes.MapPut("/invoice-city", (Guid id, InvoiceCityFix body, IDocumentStore documents, TenantContext tenant, IbgeCities cities, CancellationToken ct) =>
            SalesOrderFixes.ApplyAsync(id, documents, tenant, SalesOrderFixes.City, $"{body.Uf}{body.City}",
                order => order.SetInvoiceCity(body.Uf ?? "", body.City ?? "", cities), ct));
        fixes.MapPut("/intermediary/cnpj", (Guid id, IntermediaryCnpjFix body, IDocumentStore documents, TenantContext tenant, CancellationToken ct) =>
            SalesOrderFixes.ApplyAsync(id, documents, tenant, SalesOrderFixes.IntermediaryCnpj, body.Cnpj, order => order.SetIntermediaryCnpj(body.Cnpj), ct));
        fixes.MapPut("/intermediary/seller-id", Marketplaces.SellerIdFix.HandleAsync);
        fixes.MapPost("/cancel", CancelSalesOrder.HandleAsync);
    }

    private static async Task<Results<Ok<SalesOrderDetail>, ProblemHttpResult>> GetAsync(Guid id, IDocumentStore documents, TenantContext tenant,
        CancellationToken cancellationToken)
    {
        await using var session = documents.QuerySession(tenant.Require());
        return await session.LoadAsync<SalesOrder>(id, cancellationToken) is { } order ? TypedResults.Ok(SalesOrderViews.Detail(order)) : NotFound();
    }

    public static ProblemHttpResult NotFound() => Problems.NotFound(OrderProblemCodes.SalesOrderNotFound, "Pedido de venda não encontrado.");
}
