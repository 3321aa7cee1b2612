using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Catalog.Domain;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Catalog.Features.Products;

/// <summary><c>DELETE /api/catalog/products/{id}</c>: a soft delete. The product turns unavailable with a new version and its
/// <c>ProductChanged</c> commits with it, so a store where it is linked gets <c>available = 0</c> through the ordinary sync —
/// never a Tray DELETE, which would break the orders and the link that name it there.
/// The SKU stays held: the Tray product keeps that reference, so a new ERP product under it would adopt the unavailable one
/// (two ERP products, one Tray product), and imported orders and NF-es keep resolving the SKU to what was sold.</summary>
public static class DeleteProduct
{
    public static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(Guid id, IDocumentStore store, TenantContext tenant,
        TimeProvider time, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(tenant.Require());
        if (await session.LoadAsync<Product>(id, cancellationToken) is not { DeletedAt: null } product) return SaveProduct.ProductNotFound();
        var now = time.GetUtcNow();
        product.DeletedAt = now;
        product.Available = false;
        product.Version++;
        product.UpdatedAt = now;
        session.Store(product);
        session.AppendIntegrationEvent(product.Id, ProductEvents.Changed(product, session.TenantId, now));
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
