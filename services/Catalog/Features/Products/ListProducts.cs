using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Catalog;
using TrayBridge.Catalog.Domain;
using TrayBridge.Catalog.Features.Stores;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.ServiceDefaults.Text;

namespace TrayBridge.Catalog.Features.Products;

/// <summary><c>GET /api/catalog/products</c>: paged, filtered by <c>search</c> (name or SKU, the product's or a variation's),
/// by <c>description</c> (the name; accent- and case-insensitive, as the seed's Descrição filter) and by situation on a store.
/// SQL rather than LINQ because the situation needs each product's link to the store, another document.</summary>
public static class ListProducts
{
    public static async Task<Results<Ok<ProductPage>, ValidationProblem, ProblemHttpResult>> HandleAsync(IDocumentStore store,
        TenantContext tenant, StoreLookup stores, string? search, string? description, string? storeId, string? situation, int page = 1,
        int pageSize = ProductLimits.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (page < 1) errors["page"] = ["A página começa em 1."];
        if (pageSize is < 1 or > ProductLimits.MaxPageSize) errors["pageSize"] = [$"De 1 a {ProductLimits.MaxPageSize} produtos por página."];
        var wanted = situation is null ? null : StoreSituation.Parse(situation);
        if (situation is not null && wanted is null) errors["situation"] = ["Situação: Integrado, Não integrado, Erro ou Desatualizado."];
        if (situation is not null && string.IsNullOrWhiteSpace(storeId)) errors["storeId"] = ["A situação é por loja: escolha a loja."];
        if (errors.Count > 0) return Problems.Validation(errors);

        await using var session = store.QuerySession(tenant.Require());
        if (storeId is not null && await session.LoadAsync<KnownStore>(storeId, cancellationToken) is null)
        {
            await using var learning = store.LightweightSession(tenant.Require());
            var known = await stores.FindAsync(learning, storeId, cancellationToken);
            if (known.Problem is not null) return known.Problem;
            if (known.Store is null) return Problems.NotFound(CatalogProblemCodes.StoreNotFound, $"A loja {storeId} não está conectada a esta conta.");
            await learning.SaveChangesAsync(cancellationToken);
        }
        var text = new TextFilter(search, description);
        var (from, parameters) = Filter(store, session.TenantId, text, storeId, wanted);
        var total = (await session.QueryAsync<long>($"select count(*) {from}", cancellationToken, parameters)).Single();
        var products = await session.QueryAsync<Product>(
            $"select d.data {from} order by d.data->>'SearchName', d.data->>'Name', d.id limit ? offset ?",
            cancellationToken, [.. parameters, pageSize, (page - 1) * pageSize]);
        var links = storeId is null ? new Dictionary<string, ProductLink>()
            : (await session.LoadManyAsync<ProductLink>(cancellationToken, products.Select(p => ProductLink.IdFor(storeId, p.Id))))
                .ToDictionary(l => l.Id);
        var items = products.Select(p => ProductAnswers.Row(p, storeId,
            storeId is null ? null : links.GetValueOrDefault(ProductLink.IdFor(storeId, p.Id)))).ToList();
        // The cards count before the situation filter (each card is what clicking it would list), after the text filters.
        var situations = storeId is null ? null
            : await SituationCounts.CountAsync(session, Filter(store, session.TenantId, text, storeId, null), cancellationToken);
        return TypedResults.Ok(new ProductPage(total, page, pageSize, items, situations));
    }

    private sealed record TextFilter(string? Search, string? Description);

    private static (string Sql, object[] Parameters) Filter(IDocumentStore store, string tenantId, TextFilter text, string? storeId,
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
        if (!string.IsNullOrWhiteSpace(text.Description))
        {
            sql += @" and d.data->>'SearchName' like ? escape '\'";
            parameters.Add($"%{Escape(TextFolding.Fold(text.Description.Trim()))}%");
        }
        if (!string.IsNullOrWhiteSpace(text.Search))
        {
            // A user types a SKU as printed on a label: case does not matter here, though SKUs themselves are case-sensitive.
            sql += @" and (d.data->>'SearchName' like ? escape '\' or lower(d.data->>'Sku') like ? escape '\'"
                + @" or exists (select 1 from jsonb_array_elements(d.data->'Variations') v where lower(v->>'Sku') like ? escape '\'))";
            var sku = $"%{Escape(text.Search.Trim().ToLowerInvariant())}%";
            parameters.AddRange([$"%{Escape(TextFolding.Fold(text.Search.Trim()))}%", sku, sku]);
        }
        if (situation is not null) sql += $" and {StoreSituation.SqlCondition(situation)}";
        return (sql, parameters.ToArray());
    }

    private static string Escape(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
