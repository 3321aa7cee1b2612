using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Catalog;
using TrayBridge.Catalog.Domain;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Catalog.Features.Stores;

/// <summary>The tenant's Tray stores as the Catalog knows them: what the export screen and the per-store filters offer.</summary>
public static class KnownStoresApi
{
    /// <summary>A tenant connects a handful of stores; the bound only keeps a runaway tenant from one unbounded answer.</summary>
    public const int MaxStores = 200;

    public static void MapKnownStoresApi(this WebApplication app) =>
        app.MapGet("/api/catalog/stores", ListAsync).WithTags("Stores");

    private static async Task<Ok<List<CatalogStore>>> ListAsync(IDocumentStore store, TenantContext tenant, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(tenant.Require());
        var stores = await session.Query<KnownStore>().OrderBy(s => s.Id).Take(MaxStores).ToListAsync(cancellationToken);
        return TypedResults.Ok(stores.Select(s => new CatalogStore(s.Id, s.ApiAddress, s.ConnectedAt)).ToList());
    }
}
