using Marten;
using TrayBridge.Catalog.Domain;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Catalog.Features.Stores;

/// <summary>The tenant's Tray stores as the Catalog knows them: what the export screen and the per-store filters offer.</summary>
public static class KnownStoresApi
{
    public static void MapKnownStoresApi(this WebApplication app) =>
        app.MapGet("/api/catalog/stores", ListAsync).WithTags("Stores");

    private static async Task<IResult> ListAsync(IDocumentStore store, TenantContext tenant, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(tenant.Require());
        var stores = await session.Query<KnownStore>().OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return Results.Ok(stores.Select(s => new { storeId = s.Id, s.ApiAddress, s.ConnectedAt }));
    }
}
