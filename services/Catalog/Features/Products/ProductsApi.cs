using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Catalog;
using TrayBridge.Catalog.Domain;
using TrayBridge.Catalog.Features.Images;
using TrayBridge.ServiceDefaults.Security;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Catalog.Features.Products;

public static class ProductsApi
{
    public static void MapProductsApi(this WebApplication app)
    {
        // ProblemHttpResult carries no status of its own: each endpoint states the problems it answers, for the OpenAPI document.
        var products = app.MapGroup("/api/catalog/products").WithTags("Products");
        products.MapPost("/", SaveProduct.CreateAsync).ProducesValidationProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        products.MapPut("/{id:guid}", SaveProduct.UpdateAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        products.MapDelete("/{id:guid}", DeleteProduct.HandleAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        products.MapGet("/{id:guid}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound);
        products.MapGet("/", ListProducts.HandleAsync).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> GetAsync(Guid id, IDocumentStore store, TenantContext tenant,
        SignedUrls urls, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(tenant.Require());
        if (await session.LoadAsync<Product>(id, cancellationToken) is not { DeletedAt: null } product) return SaveProduct.ProductNotFound();
        // Only the headers: the picture bytes stay in the database.
        var images = await session.Query<ProductImage>().Where(i => i.ProductId == id).OrderBy(i => i.Position)
            .Select(i => new { i.Id, i.VariationId, i.Position, i.Sha256, i.Extension }).ToListAsync(cancellationToken);
        return TypedResults.Ok(ProductAnswers.Response(product, images.Select(i => (i.VariationId,
            new ImageLink(i.Position, ProductImagesApi.PublicPath(urls, session.TenantId, i.Id, i.Sha256, i.Extension)))).ToList()));
    }
}
