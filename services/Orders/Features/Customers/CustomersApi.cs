using Marten;
using Marten.Linq.MatchesSql;
using Marten.Pagination;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Orders;
using TrayBridge.Orders.Features.Search;
using TrayBridge.Orders.Features.SalesOrders;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Orders.Features.Customers;

/// <summary><c>/api/orders/customers</c>: the customers imports made, listed and read in the caller's tenant (another
/// tenant's customer is simply not found). <c>search</c> finds a name however it is typed, or a CPF/CNPJ formatted or bare.</summary>
public static class CustomersApi
{
    private static readonly string SearchSql = NameSearch.Sql("d.data->>'Name'", "d.data->'TaxId'->>'Value'");

    public static void MapCustomersApi(this WebApplication app)
    {
        var customers = app.MapGroup("/api/orders/customers").WithTags("Customers");
        customers.MapGet("/", ListAsync);
        customers.MapGet("/{id}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<CustomerPage>, ValidationProblem>> ListAsync(string? search, int? page, int? pageSize,
        IDocumentStore documents, TenantContext tenant, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1) errors["page"] = ["As páginas começam em 1."];
        if (pageSize is < 1 or > SalesOrderQueryLimits.MaxPageSize) errors["pageSize"] = [$"Entre 1 e {SalesOrderQueryLimits.MaxPageSize}."];
        if (search is { Length: > 100 }) errors["search"] = ["No máximo 100 caracteres."];
        if (errors.Count > 0) return Problems.Validation(errors);

        await using var session = documents.QuerySession(tenant.Require());
        var query = session.Query<Customer>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(search))
            query = query.Where(c => c.MatchesSql(SearchSql, NameSearch.Pattern(search), NameSearch.TaxIdText(search)));
        var found = await query.OrderBy(c => c.Name).ThenBy(c => c.Id)
            .ToPagedListAsync(page ?? 1, pageSize ?? SalesOrderQueryLimits.DefaultPageSize, cancellationToken);
        return TypedResults.Ok(new CustomerPage(
            [.. found.Select(c => new CustomerSummary(c.Id, c.Name, c.IsCompany, c.TaxId?.Value, c.Email, c.DeliveryAddress?.City, c.DeliveryAddress?.State))],
            (int)found.PageNumber, (int)found.PageSize, found.TotalItemCount));
    }

    private static async Task<Results<Ok<CustomerDetail>, ProblemHttpResult>> GetAsync(string id, IDocumentStore documents, TenantContext tenant,
        CancellationToken cancellationToken)
    {
        await using var session = documents.QuerySession(tenant.Require());
        if (await session.LoadAsync<Customer>(id, cancellationToken) is not { } c)
            return Problems.NotFound(OrderProblemCodes.CustomerNotFound, "Cliente não encontrado.");
        return TypedResults.Ok(new CustomerDetail(c.Id, c.Name, c.IsCompany, SalesOrderViews.TaxId(c.TaxId), c.StateInscription, c.Email,
            c.Phone, SalesOrderViews.Address(c.BillingAddress), SalesOrderViews.Address(c.DeliveryAddress), c.TrayCustomers, c.CreatedAt, c.UpdatedAt));
    }
}
