using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TrayConnector.Extensions;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.ProductSync;

public static class ProductSyncApi
{
    public static void MapProductSyncApi(this WebApplication app) =>
        app.MapGet("/api/tray/product-sync/{productId:guid}", async Task<Results<Ok<ProductSyncStatus>, ProblemHttpResult>> (Guid productId,
                IDocumentStore store, TenantContext tenant, CancellationToken cancellationToken) =>
            {
                await using var session = store.QuerySession(tenant.Require());
                return await session.LoadAsync<ProductSyncState>(productId, cancellationToken) is { } s
                    ? TypedResults.Ok(new ProductSyncStatus(s.Id, s.Sku, s.DesiredVersion, s.Price, s.PromotionalPrice, s.Stock, s.Available,
                        s.Variations.Select(v => new VariationSyncStatus(v.VariationId, v.Price, v.PromotionalPrice, v.Stock)).ToList(),
                        s.ChangesReceived, s.LastChangeAt, s.SyncScheduled, s.LastSentAt))
                    : Problems.NotFound(TrayProblemCodes.ProductSyncNotFound,
                        "Este produto ainda não tem sincronização de preço e estoque com a Tray (nenhuma alteração recebida).");
            })
            .WithTags("Product sync").ProducesTrayProblems(404);
}
