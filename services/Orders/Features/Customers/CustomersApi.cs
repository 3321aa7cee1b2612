using Marten;
using Marten.Linq.MatchesSql;
using Marten.Pagination;
using TrayBridge.ServiceDefaults.Text;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Orders.Features.Customers;

/// <summary><c>/api/orders/customers</c>: the customers imports made, listed and read in the caller's tenant (another
/// tenant's customer is simply not found). <c>search</c> finds a name however it is typed, or a CPF/CNPJ formatted or bare.</summary>
public static class CustomersApi
{
    public sealed record Summary(string Id, string Name, bool IsCompany, string? TaxId, string? Email, string? City, string? State);

    // Customer keeps no folded name, so the fold happens in SQL: translate() needs no extension (unaccent may be missing).
    private const string Accented = "ÁÀÂÃÄÅáàâãäåÉÈÊËéèêëÍÌÎÏíìîïÓÒÔÕÖóòôõöÚÙÛÜúùûüÇçÑñÝýÿ";
    private const string Plain = "AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOoooooUUUUuuuuCcNnYyy";
    private const string SearchSql =
        $@"(lower(translate(d.data->>'Name', '{Accented}', '{Plain}')) like ? escape '\' or d.data->'TaxId'->>'Value' = ?)";

    public static void MapCustomersApi(this WebApplication app)
    {
        var customers = app.MapGroup("/api/orders/customers").WithTags("Customers");
        customers.MapGet("/", ListAsync);
        customers.MapGet("/{id}", GetAsync);
    }

    private static async Task<IResult> ListAsync(string? search, int? page, int? pageSize, IDocumentStore documents, TenantContext tenant,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1 || pageSize is < 1 or > 200) errors["page"] = ["page ≥ 1 and 1 ≤ pageSize ≤ 200."];
        if (search is { Length: > 100 }) errors["search"] = ["At most 100 characters."];
        if (errors.Count > 0) return Results.ValidationProblem(errors);

        await using var session = documents.QuerySession(tenant.Require());
        var query = session.Query<Customer>().AsQueryable();
        // MatchesSql keeps the query in LINQ, so Marten still adds the tenant filter.
        if (!string.IsNullOrWhiteSpace(search))
            query = query.Where(c => c.MatchesSql(SearchSql, $"%{Escape(TextFolding.Fold(search.Trim()))}%", TaxIdText(search)));
        var found = await query.OrderBy(c => c.Name).ThenBy(c => c.Id).ToPagedListAsync(page ?? 1, pageSize ?? 50, cancellationToken);
        return Results.Ok(new
        {
            items = found.Select(c => new Summary(c.Id, c.Name, c.IsCompany, c.TaxId?.Value, c.Email, c.DeliveryAddress?.City, c.DeliveryAddress?.State)),
            page = found.PageNumber, pageSize = found.PageSize, total = found.TotalItemCount,
        });
    }

    private static async Task<IResult> GetAsync(string id, IDocumentStore documents, TenantContext tenant, CancellationToken cancellationToken)
    {
        await using var session = documents.QuerySession(tenant.Require());
        return await session.LoadAsync<Customer>(id, cancellationToken) is { } customer
            ? Results.Ok(customer)
            : Results.Problem(statusCode: 404, title: "Customer not found.");
    }

    /// <summary>A CPF/CNPJ as stored (bare, upper case): "529.982.247-25" → "52998224725".</summary>
    private static string TaxIdText(string search) =>
        string.Concat(search.Where(char.IsLetterOrDigit)).ToUpperInvariant();

    private static string Escape(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
