using Marten;
using Marten.Pagination;
using TrayBridge.Orders.Domain;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Orders.Features.SalesOrders;

/// <summary>Sales orders (pedidos de venda) made from Tray orders: list, read, and the fixes that make a pending order
/// ready for NF-e. Every query runs in the caller's tenant session: another tenant's order is simply not found.</summary>
public static class SalesOrdersApi
{
    public sealed record Summary(Guid Id, string StoreId, string TrayOrderId, string Origin, DateTimeOffset PlacedAt, string Customer,
        decimal Total, string Status, string StatusLabel, IReadOnlyList<string> Missing);

    public static void MapSalesOrdersApi(this WebApplication app)
    {
        var orders = app.MapGroup("/api/orders/sales-orders").WithTags("Sales orders");
        orders.MapGet("/", ListAsync);
        orders.MapGet("/{id:guid}", GetAsync);
        orders.MapPut("/{id:guid}/customer/tax-id", (Guid id, SalesOrderFixes.TaxIdFix fix, IDocumentStore documents, TenantContext tenant, CancellationToken ct) =>
            SalesOrderFixes.ApplyAsync(id, documents, tenant, order => order.SetCustomerTaxId(fix.TaxId), "taxId", "Not a valid CPF or CNPJ.", ct));
        orders.MapPut("/{id:guid}/items/{line:int}/ncm", (Guid id, int line, SalesOrderFixes.NcmFix fix, IDocumentStore documents, TenantContext tenant, CancellationToken ct) =>
            SalesOrderFixes.ApplyAsync(id, documents, tenant, order => order.SetItemNcm(line, fix.Ncm), "ncm", "An NCM has 8 digits.", ct));
        orders.MapPut("/{id:guid}/invoice-city", (Guid id, SalesOrderFixes.CityFix fix, IDocumentStore documents, TenantContext tenant, IbgeCities cities, CancellationToken ct) =>
            SalesOrderFixes.ApplyAsync(id, documents, tenant, order => order.SetInvoiceCity(fix.Uf ?? "", fix.City ?? "", cities), "city",
                "No IBGE municipality has this name in this UF.", ct));
        orders.MapPut("/{id:guid}/intermediary/cnpj", (Guid id, SalesOrderFixes.CnpjFix fix, IDocumentStore documents, TenantContext tenant, CancellationToken ct) =>
            SalesOrderFixes.ApplyAsync(id, documents, tenant, order => order.SetIntermediaryCnpj(fix.Cnpj), "cnpj", "Not a valid CNPJ.", ct));
    }

    private static async Task<IResult> ListAsync(string? storeId, string? status, int? page, int? pageSize, IDocumentStore documents, TenantContext tenant,
        CancellationToken cancellationToken)
    {
        SalesOrderStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<SalesOrderStatus>(status, ignoreCase: true, out var parsed) || int.TryParse(status, out _))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"One of: {string.Join(", ", Enum.GetNames<SalesOrderStatus>())}."] });
            wanted = parsed;
        }
        if (page is < 1 || pageSize is < 1 or > 200)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["page"] = ["page ≥ 1 and 1 ≤ pageSize ≤ 200."] });
        await using var session = documents.QuerySession(tenant.Require());
        var query = session.Query<SalesOrder>().AsQueryable();
        if (storeId is not null) query = query.Where(o => o.StoreId == storeId);
        if (wanted is { } s) query = query.Where(o => o.Status == s);
        var orders = await query.OrderByDescending(o => o.PlacedAt).ToPagedListAsync(page ?? 1, pageSize ?? 50, cancellationToken);
        return Results.Ok(new
        {
            items = orders.Select(o => new Summary(o.Id, o.StoreId, o.TrayOrderId, o.Origin, o.PlacedAt, o.Customer.Name, o.Totals.Total,
                o.Status.ToString(), o.StatusLabel, o.Missing)),
            page = orders.PageNumber, pageSize = orders.PageSize, total = orders.TotalItemCount,
        });
    }

    private static async Task<IResult> GetAsync(Guid id, IDocumentStore documents, TenantContext tenant, CancellationToken cancellationToken)
    {
        await using var session = documents.QuerySession(tenant.Require());
        return await session.LoadAsync<SalesOrder>(id, cancellationToken) is { } order ? Results.Ok(order) : NotFound();
    }

    public static IResult NotFound() => Results.Problem(statusCode: 404, title: "Sales order not found.");
}
