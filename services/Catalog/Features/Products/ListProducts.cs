using TrayBridge.ServiceDefaults.Text;
using Marten;
using TrayBridge.Catalog.Domain;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Catalog.Features.Products;

/// <summary><c>GET /api/catalog/products</c>: paged, filtered by description (accent- and case-insensitive) and by situation
/// on a store. SQL rather than LINQ because the situation needs each product's link to the store, another document.</summary>
public static class ListProducts
{
    public static async Task<IResult> HandleAsync(IDocumentStore store, TenantContext tenant, string? description, string? storeId,
        string? situation, int page = 1, int pageSize = 30, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (page < 1 || pageSize is < 1 or > 100) errors["page"] = ["page ≥ 1 and 1 ≤ pageSize ≤ 100."];
        var wanted = situation is null ? null : StoreSituation.Parse(situation);
        if (situation is not null && wanted is null) errors["situation"] = ["Integrado, Não integrado, Erro or Desatualizado."];
        if (situation is not null && string.IsNullOrWhiteSpace(storeId)) errors["storeId"] = ["A situation is per store: name the store."];
        if (errors.Count > 0) return Results.ValidationProblem(errors);

        await using var session = store.QuerySession(tenant.Require());
        if (storeId is not null && await session.LoadAsync<KnownStore>(storeId, cancellationToken) is null)
            return Results.Problem(statusCode: 404, title: "Store not found.");
        var (from, parameters) = Filter(store, session.TenantId, description, storeId, wanted);
        var total = (await session.QueryAsync<long>($"select count(*) {from}", cancellationToken, parameters)).Single();
        var products = await session.QueryAsync<Product>(
            $"select d.data {from} order by d.data->>'SearchName', d.data->>'Name', d.id limit ? offset ?",
            cancellationToken, [.. parameters, pageSize, (page - 1) * pageSize]);
        var links = storeId is null ? new Dictionary<string, ProductLink>()
            : (await session.LoadManyAsync<ProductLink>(cancellationToken, products.Select(p => ProductLink.IdFor(storeId, p.Id))))
                .ToDictionary(l => l.Id);
        var items = products.Select(p => ProductRow.From(p, storeId,
            storeId is null ? null : links.GetValueOrDefault(ProductLink.IdFor(storeId, p.Id))));
        // The cards count before the situation filter (each card is what clicking it would list), after the description's.
        var situations = storeId is null ? null
            : await SituationCounts.CountAsync(session, Filter(store, session.TenantId, description, storeId, null), cancellationToken);
        return Results.Ok(new { total, page, pageSize, items, situations });
    }

    private static (string Sql, object[] Parameters) Filter(IDocumentStore store, string tenantId, string? description, string? storeId,
        string? situation)
    {
        string Table<T>() => store.Options.FindOrResolveDocumentType(typeof(T)).TableName.QualifiedName;
        var parameters = new List<object>();
        var sql = $"from {Table<Product>()} d";
        if (storeId is not null)
        {
            sql += $" left join {Table<ProductLink>()} l on l.tenant_id = d.tenant_id and l.id = ? || ':' || d.id::text";
            parameters.Add(storeId);
        }
        // Raw SQL bypasses Marten's tenant filter: it is stated here.
        sql += " where d.tenant_id = ? and d.data->>'DeletedAt' is null";
        parameters.Add(tenantId);
        if (!string.IsNullOrWhiteSpace(description))
        {
            sql += @" and d.data->>'SearchName' like ? escape '\'";
            parameters.Add($"%{Escape(TextFolding.Fold(description.Trim()))}%");
        }
        if (situation is not null) sql += $" and {StoreSituation.SqlCondition(situation)}";
        return (sql, parameters.ToArray());
    }

    private static string Escape(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
