using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Catalog;
using TrayBridge.Catalog.Domain;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Catalog.Features.Products;

/// <summary>Create and update: the product, its SKU claims and its <c>ProductChanged</c> commit together; the relay publishes
/// after commit. Pictures of variations that are gone go with them.</summary>
public static class SaveProduct
{
    public static async Task<Results<Created<ProductResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(ProductInput input,
        IDocumentStore store, TenantContext tenant, TimeProvider time, CancellationToken cancellationToken)
    {
        if (input.Validate() is { Count: > 0 } errors) return Problems.Validation(errors);
        await using var session = store.LightweightSession(tenant.Require());
        var product = new Product { Id = Guid.CreateVersion7(), Sku = "", Name = "" };
        if (await SaveAsync(session, product, input, time, cancellationToken) is { } problem) return problem;
        return TypedResults.Created($"/api/catalog/products/{product.Id}", ProductAnswers.Response(product));
    }

    public static async Task<Results<Ok<ProductResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(Guid id, ProductInput input,
        IDocumentStore store, TenantContext tenant, TimeProvider time, CancellationToken cancellationToken)
    {
        if (input.Validate() is { Count: > 0 } errors) return Problems.Validation(errors);
        await using var session = store.LightweightSession(tenant.Require());
        if (await session.LoadAsync<Product>(id, cancellationToken) is not { DeletedAt: null } product) return ProductNotFound();
        if (await SaveAsync(session, product, input, time, cancellationToken) is { } problem) return problem;
        return TypedResults.Ok(ProductAnswers.Response(product));
    }

    public static ProblemHttpResult ProductNotFound() =>
        Problems.NotFound(CatalogProblemCodes.ProductNotFound, "Produto não encontrado (ou excluído).");

    public static ProblemHttpResult ChangedMeanwhile() => Problems.Conflict(CatalogProblemCodes.ProductChanged,
        "O produto foi alterado por outra pessoa enquanto você editava: carregue-o de novo e repita a alteração.");

    private static async Task<ProblemHttpResult?> SaveAsync(IDocumentSession session, Product product, ProductInput input, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (ProductVariations.CheckIds(product, input) is { Count: > 0 } unknown)
            return FieldProblems.Of(StatusCodes.Status422UnprocessableEntity, CatalogProblemCodes.UnknownVariation, unknown,
                "Uma variação enviada não pertence a este produto.");
        if (input.CategoryId is { } category && await session.LoadAsync<Category>(category, cancellationToken) is null)
            return FieldProblems.Of(StatusCodes.Status422UnprocessableEntity, CatalogProblemCodes.UnknownCategory, "categoryId",
                "Categoria não encontrada: escolha uma categoria existente.");
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
            return ChangedMeanwhile();
        }
        catch (Exception e) when (WriteConflicts.IsConflict(e))
        {
            return SkuInUse(null, product.Sku);
        }
    }

    /// <summary>409 naming the field, when known; a race lost at commit only knows one of the product's SKUs was taken.</summary>
    private static ProblemHttpResult SkuInUse(string? field, string sku) => FieldProblems.Of(StatusCodes.Status409Conflict,
        CatalogProblemCodes.SkuInUse, field ?? "sku", field is null
            ? "Uma referência (SKU) deste produto foi tomada por outro produto enquanto você salvava."
            : $"Outro produto ou variação desta conta já tem a referência (SKU) '{sku}'.");
}
