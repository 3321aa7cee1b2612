using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TrayConnector.Features.Stores;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Json;
using TrayBridge.TrayConnector.Features.Dedicated;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.CatalogMapping;

/// <summary>What a store has on Tray to map to: its categories (with their parents, to show the tree) and its brands.
/// Read from Tray each time (a person is choosing), at most <see cref="MaxRecords"/>.</summary>
public static class TrayCatalogLists
{
    public const int MaxRecords = 5_000;

    public static async Task<Results<Ok<List<TrayCategory>>, ProblemHttpResult>> CategoriesAsync(string storeId, IDocumentStore documents,
        TenantContext tenant, TrayForwarding forwarding, CancellationToken cancellationToken) =>
        await StoreExistsAsync(documents, tenant, storeId, cancellationToken)
            ? await forwarding.RunAsync<List<TrayCategory>>(tenant.Require(), storeId, ForwardedOperations.Categories, null, cancellationToken)
            : TrayProblems.StoreNotFound();

    public static async Task<Results<Ok<List<TrayBrand>>, ProblemHttpResult>> BrandsAsync(string storeId, IDocumentStore documents, TenantContext tenant,
        TrayForwarding forwarding, CancellationToken cancellationToken) =>
        await StoreExistsAsync(documents, tenant, storeId, cancellationToken)
            ? await forwarding.RunAsync<List<TrayBrand>>(tenant.Require(), storeId, ForwardedOperations.Brands, null, cancellationToken)
            : TrayProblems.StoreNotFound();

    /// <summary>Run by the connector that serves the store (<see cref="ForwardedOperations"/>).</summary>
    public static Task<Results<Ok<List<TrayCategory>>, ProblemHttpResult>> ReadCategoriesAsync(TrayApiClient tray, string tenantId, string storeId,
        CancellationToken cancellationToken) =>
        ListAsync(tray, tenantId, storeId, "categories", "Categories", "Category",
            c => new TrayCategory(c.RequiredId(), c.Text("parent_id") ?? "", c.Text("name") ?? ""), cancellationToken);

    public static Task<Results<Ok<List<TrayBrand>>, ProblemHttpResult>> ReadBrandsAsync(TrayApiClient tray, string tenantId, string storeId,
        CancellationToken cancellationToken) =>
        ListAsync(tray, tenantId, storeId, "products/brands", "Brands", "Brand", b => new TrayBrand(b.RequiredId(), b.Text("brand") ?? ""),
            cancellationToken);

    private static async Task<bool> StoreExistsAsync(IDocumentStore documents, TenantContext tenant, string storeId, CancellationToken cancellationToken)
    {
        await using var session = documents.QuerySession(tenant.Require());
        return await session.LoadAsync<TrayStore>(storeId, cancellationToken) is not null;
    }

    private static async Task<Results<Ok<List<T>>, ProblemHttpResult>> ListAsync<T>(TrayApiClient tray, string tenantId, string storeId,
        string path, string listName, string wrapper, Func<System.Text.Json.JsonElement, T> map, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        try
        {
            await foreach (var record in tray.ListAllAsync(tenantId, storeId, path, listName, wrapper, TrayPriority.ManualImport, cancellationToken))
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
