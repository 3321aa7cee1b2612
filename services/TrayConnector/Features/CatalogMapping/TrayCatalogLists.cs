using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TrayConnector.Features.Stores;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Json;

namespace TrayBridge.TrayConnector.Features.CatalogMapping;

/// <summary>What a store has on Tray to map to: its categories (with their parents, to show the tree) and its brands.
/// Read from Tray each time (a person is choosing), at most <see cref="MaxRecords"/>.</summary>
public static class TrayCatalogLists
{
    public const int MaxRecords = 5_000;

    public static Task<Results<Ok<List<TrayCategory>>, ProblemHttpResult>> CategoriesAsync(string storeId, IDocumentStore documents,
        TenantContext tenant, TrayApiClient tray, CancellationToken cancellationToken) =>
        ListAsync(documents, tenant, tray, storeId, "categories", "Categories", "Category",
            c => new TrayCategory(c.RequiredId(), c.Text("parent_id") ?? "", c.Text("name") ?? ""),
            cancellationToken);

    public static Task<Results<Ok<List<TrayBrand>>, ProblemHttpResult>> BrandsAsync(string storeId, IDocumentStore documents, TenantContext tenant,
        TrayApiClient tray, CancellationToken cancellationToken) =>
        ListAsync(documents, tenant, tray, storeId, "products/brands", "Brands", "Brand",
            b => new TrayBrand(b.RequiredId(), b.Text("brand") ?? ""), cancellationToken);

    private static async Task<Results<Ok<List<T>>, ProblemHttpResult>> ListAsync<T>(IDocumentStore documents, TenantContext tenant,
        TrayApiClient tray, string storeId, string path, string listName, string wrapper, Func<System.Text.Json.JsonElement, T> map,
        CancellationToken cancellationToken)
    {
        await using (var session = documents.QuerySession(tenant.Require()))
            if (await session.LoadAsync<TrayStore>(storeId, cancellationToken) is null) return TrayProblems.StoreNotFound();
        var list = new List<T>();
        try
        {
            await foreach (var record in tray.ListAllAsync(tenant.Require(), storeId, path, listName, wrapper, TrayPriority.ManualImport, cancellationToken))
            {
                list.Add(map(record));
                if (list.Count == MaxRecords) break;
            }
        }
        catch (Exception e) when (TrayProblems.For(e) is { } problem)
        {
            return problem;
        }
        return TypedResults.Ok(list);
    }
}
