using Marten;
using TrayBridge.Catalog.Domain;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Catalog.Features.Products;

/// <summary>Create and update: the product, its SKU claims and its <c>ProductChanged</c> commit together; the relay publishes
/// after commit. Pictures of variations that are gone go with them.</summary>
public static class SaveProduct
{
    public static async Task<IResult> CreateAsync(ProductInput input, IDocumentStore store, TenantContext tenant, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (input.Validate() is { Count: > 0 } errors) return Results.ValidationProblem(errors);
        await using var session = store.LightweightSession(tenant.Require());
        var product = new Product { Id = Guid.CreateVersion7(), Sku = "", Name = "" };
        return await SaveAsync(session, product, input, time, cancellationToken)
            ?? Results.Created($"/api/catalog/products/{product.Id}", ProductResponse.From(product));
    }

    public static async Task<IResult> UpdateAsync(Guid id, ProductInput input, IDocumentStore store, TenantContext tenant,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (input.Validate() is { Count: > 0 } errors) return Results.ValidationProblem(errors);
        await using var session = store.LightweightSession(tenant.Require());
        if (await session.LoadAsync<Product>(id, cancellationToken) is not { DeletedAt: null } product)
            return Results.Problem(statusCode: 404, title: "Product not found.");
        return await SaveAsync(session, product, input, time, cancellationToken) ?? Results.Ok(ProductResponse.From(product));
    }

    private static async Task<IResult?> SaveAsync(IDocumentSession session, Product product, ProductInput input, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (ProductVariations.CheckIds(product, input) is { Count: > 0 } unknown) return Results.ValidationProblem(unknown, statusCode: 422);
        if (input.CategoryId is { } category && await session.LoadAsync<Category>(category, cancellationToken) is null)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["categoryId"] = ["No such category."] }, statusCode: 422);
        var now = time.GetUtcNow();
        var before = product.Variations.Select(v => v.Id).ToList();
        input.ApplyTo(product, now);
        if (await SkuClaims.ClaimAsync(session, product, cancellationToken) is { } clash) return SkuInUse(clash.Field, clash.Sku);
        foreach (var gone in before.Except(product.Variations.Select(v => v.Id)))
            session.DeleteWhere<ProductImage>(i => i.ProductId == product.Id && i.VariationId == gone);
        session.Store(product);
        session.AppendIntegrationEvent(product.Id, ProductEvents.Changed(product, session.TenantId, now));
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (Exception e) when (e is JasperFx.ConcurrencyException
                                  || e is AggregateException a && a.InnerExceptions.Any(x => x is JasperFx.ConcurrencyException))
        {
            return Results.Problem(statusCode: 409, title: "The product changed meanwhile.", detail: "Load it again and repeat the change.");
        }
        catch (Exception e) when (WriteConflicts.IsConflict(e))
        {
            return SkuInUse(null, product.Sku);
        }
    }

    /// <summary>409 as ProblemDetails with the field, when known; a race lost at commit only knows one of the product's SKUs was taken.</summary>
    private static IResult SkuInUse(string? field, string sku) => Results.ValidationProblem(
        new Dictionary<string, string[]> { [field ?? "sku"] = [field is null ? "A SKU of this product was taken by another product meanwhile." : $"Another product or variation of this account already has SKU '{sku}'."] },
        statusCode: 409, title: "SKU already in use.");
}
