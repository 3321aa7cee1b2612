using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Catalog;
using TrayBridge.Catalog.Domain;
using TrayBridge.Catalog.Features.Stores;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Catalog.Features.Exports;

/// <summary><c>POST /api/catalog/exports/{id}/retry</c>: exports again, as a <em>new</em> export, only the products whose item
/// failed, with their current data (the fix the user just made). A new export rather than a new attempt of the old one: every
/// outcome names its export, so a late failure of the first attempt can never mark the retry failed, and the first export
/// keeps its history. A "recreate"/"relink" choice made for the export goes with its retry. Deleted products stay out; nothing
/// left to retry is a 409.</summary>
public static class RetryExport
{
    public static async Task<Results<Accepted<ExportRetryAccepted>, ProblemHttpResult>> HandleAsync(Guid id, IDocumentStore store,
        TenantContext tenant, ProductSnapshots snapshots, StoreLookup stores, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(tenant.Require());
        if (await session.LoadAsync<ProductExport>(id, cancellationToken) is not { } export) return ExportsApi.NotFound();
        var failed = await session.Query<ExportItem>().Where(i => i.ExportId == id && i.Status == ExportItem.Failed)
            .Select(i => i.ProductId).ToListAsync(cancellationToken);
        var products = (await session.LoadManyAsync<Product>(cancellationToken, failed)).Where(p => p.DeletedAt is null).ToList();
        if (products.Count == 0)
            return Problems.Conflict(CatalogProblemCodes.NothingToRetry,
                "Nada a reenviar: nenhum produto desta exportação falhou (ou os que falharam foram excluídos).");
        var known = await stores.FindAsync(session, export.StoreId, cancellationToken);
        if (known.Problem is not null) return known.Problem;
        if (known.Store is null)
            return Problems.Unprocessable(CatalogProblemCodes.StoreNotConnected, $"A loja {export.StoreId} não está conectada a esta conta.");

        var retry = await ExportStart.AddAsync(session, snapshots, export.StoreId, products, export.LinkAction, export.RelinkTrayProductId,
            time.GetUtcNow(), cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted($"/api/catalog/exports/{retry.Id}", new ExportRetryAccepted(retry.Id, id));
    }
}
