using Marten;
using TrayBridge.Catalog.Domain;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Catalog.Features.Exports;

/// <summary><paramref name="LinkAction"/> answers a broken link (the product was deleted on Tray): <c>recreate</c> creates it
/// again, <c>relink</c> links one product to <paramref name="TrayProductId"/>.</summary>
public sealed record ExportRequest(string? StoreId, IReadOnlyList<Guid>? ProductIds, string? LinkAction = null, string? TrayProductId = null);

/// <summary><c>POST /api/catalog/exports</c>: the export, a pending item per product and one full snapshot per product
/// commit together (the relay publishes the snapshots after commit); an unknown store or product stores nothing, a deleted
/// product is kept out with its reason (<see cref="ExportStart"/>).</summary>
public static class RequestExport
{
    private const int MaxProducts = 500;

    public static async Task<IResult> HandleAsync(ExportRequest request, IDocumentStore store, TenantContext tenant,
        ProductSnapshots snapshots, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.StoreId))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["storeId"] = ["The store is required."] });
        if (request.ProductIds is not { Count: > 0 and <= MaxProducts })
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["productIds"] = [$"Select 1 to {MaxProducts} products."] });
        if (request.LinkAction is not (null or "recreate" or "relink"))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["linkAction"] = ["\"recreate\" or \"relink\"."] });
        if (request.LinkAction == "relink" && (string.IsNullOrWhiteSpace(request.TrayProductId) || request.ProductIds.Count != 1))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["trayProductId"] = ["Relink one product to one Tray product id."] });
        var ids = request.ProductIds.Distinct().ToList();
        await using var session = store.LightweightSession(tenant.Require());
        if (await session.LoadAsync<KnownStore>(request.StoreId, cancellationToken) is null)
            return Unprocessable("storeId", $"Store '{request.StoreId}' is not connected to this account.");
        var products = await session.LoadManyAsync<Product>(cancellationToken, ids);
        if (ids.Except(products.Select(p => p.Id)).ToList() is { Count: > 0 } missing)
            return Unprocessable("productIds", $"Unknown product(s): {string.Join(", ", missing)}.");

        var export = await ExportStart.AddAsync(session, snapshots, request.StoreId, products, request.LinkAction, request.TrayProductId,
            time.GetUtcNow(), cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        return Results.Accepted($"/api/catalog/exports/{export.Id}", new { exportId = export.Id });
    }

    private static IResult Unprocessable(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, statusCode: 422, title: message);
}
