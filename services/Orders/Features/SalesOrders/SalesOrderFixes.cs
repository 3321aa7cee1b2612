using Marten;
using TrayBridge.Orders.Domain;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Orders.Features.SalesOrders;

/// <summary>A correction to a sales order (CPF/CNPJ, an item's NCM, the city, the marketplace CNPJ): applied by the
/// domain, which re-evaluates readiness; the answer is the order with its new status.</summary>
public static class SalesOrderFixes
{
    public sealed record TaxIdFix(string? TaxId);
    public sealed record NcmFix(string? Ncm);
    public sealed record CityFix(string? Uf, string? City);
    public sealed record CnpjFix(string? Cnpj);

    public static async Task<IResult> ApplyAsync(Guid id, IDocumentStore documents, TenantContext tenant, Func<SalesOrder, OrderChange> change,
        string field, string invalid, CancellationToken cancellationToken)
    {
        await using var session = documents.LightweightSession(tenant.Require());
        if (await session.LoadAsync<SalesOrder>(id, cancellationToken) is not { } order) return SalesOrdersApi.NotFound();
        switch (change(order))
        {
            case OrderChange.Invalid:
                return Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [invalid] });
            case OrderChange.NotFound:
                return Results.Problem(statusCode: 404, title: $"This sales order has no such {field} to correct.");
            case OrderChange.Locked:
                return Results.Problem(statusCode: 409, title: "The sales order is invoiced: its data is final.");
        }
        session.Store(order);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (JasperFx.ConcurrencyException)
        {
            return Results.Problem(statusCode: 409, title: "The sales order changed meanwhile.", detail: "Read it again and repeat the correction.");
        }
        return Results.Ok(order);
    }
}
