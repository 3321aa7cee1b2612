using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Orders;
using TrayBridge.Orders.Domain;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Orders.Features.SalesOrders;

/// <summary>A correction to a sales order (CPF/CNPJ, an item's NCM, the city, the marketplace CNPJ): applied by the
/// domain, which re-evaluates readiness; the answer is the order with its new situation. Every refusal carries a
/// stable code and says in Portuguese what to do, beside the field for an invalid value.</summary>
public static class SalesOrderFixes
{
    /// <summary>What a fix is: the field it changes (as the body names it), the message when its value is not valid,
    /// and the refusal when the order has nothing of the kind to correct.</summary>
    public sealed record Fix(string Field, string Invalid, string? AbsentCode = null, string? Absent = null);

    // Every order has a buyer: the tax id fix is never refused for want of one.
    public static readonly Fix TaxId = new("taxId", "CPF ou CNPJ inválido: confira os dígitos.");
    public static readonly Fix Ncm = new("ncm", "O NCM tem 8 dígitos (ex.: 6109.10.00).", OrderProblemCodes.ItemNotFound,
        "O pedido de venda não tem esse item.");
    public static readonly Fix City = new("city", "Nenhum município do IBGE tem esse nome nessa UF.", OrderProblemCodes.NoInvoiceAddress,
        "O pedido de venda não tem endereço de entrega nem de cobrança.");
    public static readonly Fix IntermediaryCnpj = new("cnpj", "CNPJ inválido: confira os dígitos.", OrderProblemCodes.NoIntermediary,
        "O pedido de venda não foi feito em um marketplace: não tem intermediador.");

    public static async Task<Results<Ok<SalesOrderDetail>, ValidationProblem, ProblemHttpResult>> ApplyAsync(Guid id, IDocumentStore documents,
        TenantContext tenant, Fix fix, string? value, Func<SalesOrder, OrderChange> change, CancellationToken cancellationToken)
    {
        if (value is { Length: > FixLimits.MaxFieldLength }) return Problems.Validation(fix.Field, $"No máximo {FixLimits.MaxFieldLength} caracteres.");
        await using var session = documents.LightweightSession(tenant.Require());
        if (await session.LoadAsync<SalesOrder>(id, cancellationToken) is not { } order) return SalesOrdersApi.NotFound();
        switch (change(order))
        {
            case OrderChange.Invalid:
                return Problems.Validation(fix.Field, fix.Invalid);
            case OrderChange.NotFound:
                return fix.AbsentCode is { } code ? Problems.NotFound(code, fix.Absent ?? "") : SalesOrdersApi.NotFound();
            case OrderChange.Locked:
                return Problems.Conflict(OrderProblemCodes.Invoiced, "O pedido de venda já foi faturado: seus dados não podem mais ser alterados.");
        }
        session.Store(order);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (JasperFx.ConcurrencyException)
        {
            return Problems.Conflict(OrderProblemCodes.Changed,
                "O pedido de venda foi alterado ao mesmo tempo por outra operação: abra-o de novo e repita a correção.");
        }
        return TypedResults.Ok(SalesOrderViews.Detail(order));
    }
}
