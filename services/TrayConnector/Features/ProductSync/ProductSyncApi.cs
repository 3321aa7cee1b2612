using Marten;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.TrayConnector.Features.ProductSync;

public static class ProductSyncApi
{
    public static void MapProductSyncApi(this WebApplication app) =>
        app.MapGet("/api/tray/product-sync/{productId:guid}", async (Guid productId, IDocumentStore store, TenantContext tenant,
                CancellationToken cancellationToken) =>
            {
                await using var session = store.QuerySession(tenant.Require());
                return await session.LoadAsync<ProductSyncState>(productId, cancellationToken) is { } state
                    ? Results.Ok(state)
                    : Results.Problem(statusCode: 404, title: "No sync state for this product.");
            })
            .WithTags("Product sync");
}
