using Marten;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TrayConnector.Features.Stores;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;

namespace TrayBridge.TrayConnector.Features.CatalogMapping;

/// <summary>What a store has on Tray to map to: its categories (with their parents, to show the tree) and its brands.</summary>
public static class TrayCatalogLists
{
    public sealed record TrayCategory(string Id, string ParentId, string Name);
    public sealed record TrayBrand(string Id, string Name);

    public static async Task<IResult> CategoriesAsync(string storeId, IDocumentStore documents, TenantContext tenant, TrayApiClient tray,
        CancellationToken cancellationToken)
    {
        if (!await OwnsAsync(documents, tenant, storeId, cancellationToken)) return CatalogMappingApi.StoreNotFound();
        var list = new List<TrayCategory>();
        await foreach (var c in tray.ListAllAsync(tenant.Require(), storeId, "categories", "Categories", "Category", TrayPriority.ManualImport,
                           cancellationToken))
            list.Add(new(c.GetProperty("id").ToString(), c.GetProperty("parent_id").ToString(), c.GetProperty("name").ToString()));
        return Results.Ok(list);
    }

    public static async Task<IResult> BrandsAsync(string storeId, IDocumentStore documents, TenantContext tenant, TrayApiClient tray,
        CancellationToken cancellationToken)
    {
        if (!await OwnsAsync(documents, tenant, storeId, cancellationToken)) return CatalogMappingApi.StoreNotFound();
        var list = new List<TrayBrand>();
        await foreach (var b in tray.ListAllAsync(tenant.Require(), storeId, "products/brands", "Brands", "Brand", TrayPriority.ManualImport,
                           cancellationToken))
            list.Add(new(b.GetProperty("id").ToString(), b.GetProperty("brand").ToString()));
        return Results.Ok(list);
    }

    private static async Task<bool> OwnsAsync(IDocumentStore documents, TenantContext tenant, string storeId, CancellationToken cancellationToken)
    {
        await using var session = documents.QuerySession(tenant.Require());
        return await session.LoadAsync<TrayStore>(storeId, cancellationToken) is not null;
    }
}
