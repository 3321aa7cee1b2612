using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Catalog;
using TrayBridge.Catalog.Domain;
using TrayBridge.Catalog.Features.Products;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Catalog.Features.Images;

/// <summary><c>DELETE /api/catalog/products/{productId}/images/{position}</c> (and a variation's): the picture is gone and the
/// product's version moves, so the next export sends the remaining pictures (the connector clears the freed slot on Tray).</summary>
public static class DeleteProductImage
{
    public static void MapDeleteProductImage(this WebApplication app)
    {
        app.MapDelete("/api/catalog/products/{productId:guid}/images/{position:int}",
                (Guid productId, int position, IDocumentStore store, TenantContext tenant, TimeProvider time, CancellationToken cancellationToken) =>
                    HandleAsync(productId, null, position, store, tenant, time, cancellationToken))
            .WithTags("Products").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        app.MapDelete("/api/catalog/products/{productId:guid}/variations/{variationId:guid}/images/{position:int}", HandleAsync)
            .WithTags("Products").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(Guid productId, Guid? variationId, int position,
        IDocumentStore store, TenantContext tenant, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(tenant.Require());
        if (await session.LoadAsync<Product>(productId, cancellationToken) is not { DeletedAt: null } product) return SaveProduct.ProductNotFound();
        var id = ProductImage.IdFor(productId, variationId, position);
        if (await session.LoadAsync<ProductImage>(id, cancellationToken) is null)
            return Problems.NotFound(CatalogProblemCodes.ImageNotFound, $"Não há foto na posição {position}.");
        session.Delete<ProductImage>(id);
        product.Version++;
        product.UpdatedAt = time.GetUtcNow();
        session.Store(product);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is JasperFx.ConcurrencyException
                                  || e is AggregateException a && a.InnerExceptions.Any(x => x is JasperFx.ConcurrencyException))
        {
            return SaveProduct.ChangedMeanwhile();
        }
        return TypedResults.NoContent();
    }
}
