using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Catalog;
using TrayBridge.Catalog.Domain;
using TrayBridge.Catalog.Features.Stores;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Catalog.Features.Exports;

/// <summary><c>POST /api/catalog/exports</c>: the export, a pending item per product and one full snapshot per product
/// commit together (the relay publishes the snapshots after commit); an unknown store or product stores nothing, a deleted
/// product is kept out with its reason (<see cref="ExportStart"/>).</summary>
public static class RequestExport
{
    public static async Task<Results<Accepted<ExportAccepted>, ValidationProblem, ProblemHttpResult>> HandleAsync(ExportRequest request,
        IDocumentStore store, TenantContext tenant, ProductSnapshots snapshots, StoreLookup stores, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.StoreId)) return Problems.Validation("storeId", "Escolha a loja.");
        if (request.ProductIds is not { Count: > 0 and <= ExportRequest.MaxProducts })
            return Problems.Validation("productIds", $"Selecione de 1 a {ExportRequest.MaxProducts} produtos.");
        if (request.LinkAction is not (null or "recreate" or "relink"))
            return Problems.Validation("linkAction", "Use \"recreate\" (criar de novo) ou \"relink\" (vincular a outro produto da Tray).");
        if (request.LinkAction == "relink" && (string.IsNullOrWhiteSpace(request.TrayProductId) || request.ProductIds.Count != 1))
            return Problems.Validation("trayProductId", "Para vincular de novo, informe um produto e o id do produto na Tray.");
        // The id goes into Tray's path (products/{id}): only Tray's own shape, digits, may get there.
        if (request.TrayProductId is { } trayId && (trayId.Length is 0 or > 19 || !trayId.All(char.IsAsciiDigit)))
            return Problems.Validation("trayProductId", "O id do produto na Tray tem só dígitos.");
        var ids = request.ProductIds.Distinct().ToList();
        await using var session = store.LightweightSession(tenant.Require());
        var known = await stores.FindAsync(session, request.StoreId, cancellationToken);
        if (known.Problem is not null) return known.Problem;
        if (known.Store is null)
            return FieldProblems.Of(StatusCodes.Status422UnprocessableEntity, CatalogProblemCodes.StoreNotConnected, "storeId",
                $"A loja {request.StoreId} não está conectada a esta conta.");
        var products = await session.LoadManyAsync<Product>(cancellationToken, ids);
        if (ids.Except(products.Select(p => p.Id)).ToList() is { Count: > 0 } missing)
            return FieldProblems.Of(StatusCodes.Status422UnprocessableEntity, CatalogProblemCodes.UnknownProducts, "productIds",
                $"Produto(s) não encontrado(s): {string.Join(", ", missing)}.");

        var export = await ExportStart.AddAsync(session, snapshots, request.StoreId, products, request.LinkAction, request.TrayProductId,
            time.GetUtcNow(), cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted($"/api/catalog/exports/{export.Id}", new ExportAccepted(export.Id));
    }
}
