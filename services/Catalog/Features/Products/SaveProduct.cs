using Marten;
using TrayBridge.Catalog.Domain;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Catalog.Features.Products;

/// <summary>Create and update: the product and its <c>ProductChanged</c> commit together; the relay publishes after commit.</summary>
public static class SaveProduct
{
    public static async Task<IResult> CreateAsync(ProductInput input, IDocumentStore store, TenantContext tenant, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (input.Validate() is { Count: > 0 } errors) return Results.ValidationProblem(errors);
        await using var session = store.LightweightSession(tenant.Require());
        var product = new Product { Id = Guid.CreateVersion7(), Sku = "", Name = "" };
        return await SaveAsync(session, product, input, time, cancellationToken) ?? Results.Created($"/api/catalog/products/{product.Id}", ProductResponse.From(product));
    }

    public static async Task<IResult> UpdateAsync(Guid id, ProductInput input, IDocumentStore store, TenantContext tenant,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (input.Validate() is { Count: > 0 } errors) return Results.ValidationProblem(errors);
        await using var session = store.LightweightSession(tenant.Require());
        if (await session.LoadAsync<Product>(id, cancellationToken) is not { } product)
            return Results.Problem(statusCode: 404, title: "Product not found.");
        return await SaveAsync(session, product, input, time, cancellationToken) ?? Results.Ok(ProductResponse.From(product));
    }

    private static async Task<IResult?> SaveAsync(IDocumentSession session, Product product, ProductInput input, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        input.ApplyTo(product, now);
        session.Store(product);
        session.AppendIntegrationEvent(product.Id, ProductEvents.Changed(product, session.TenantId, now));
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (Exception e) when (PostgresErrors.IsUniqueViolation(e))
        {
            return Results.Problem(statusCode: 409, title: "SKU already in use.",
                detail: $"Another product of this account already has SKU '{product.Sku}'.");
        }
    }
}
