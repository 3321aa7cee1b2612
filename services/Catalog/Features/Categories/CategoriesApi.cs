using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Catalog;
using TrayBridge.Catalog.Domain;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Catalog.Features.Categories;

/// <summary><c>/api/catalog/categories</c>: the ERP's category tree. Siblings have distinct names; a category in use by a
/// product or with subcategories is not deleted. The whole tree is one answer: a catalogue has tens or hundreds of categories
/// (<see cref="CategoryTree"/>), and the panel's selector needs every one of them.</summary>
public static class CategoriesApi
{
    public static void MapCategoriesApi(this WebApplication app)
    {
        var categories = app.MapGroup("/api/catalog/categories").WithTags("Categories");
        categories.MapGet("/", ListAsync);
        categories.MapPost("/", CreateAsync).ProducesValidationProblem(StatusCodes.Status409Conflict);
        categories.MapPut("/{id:guid}", UpdateAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status409Conflict);
        categories.MapDelete("/{id:guid}", DeleteAsync).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<List<CategoryResponse>>> ListAsync(IDocumentStore store, TenantContext tenant, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(tenant.Require());
        var tree = await CategoryTree.LoadAsync(session, cancellationToken);
        return TypedResults.Ok(tree.All.Select(c => Response(tree, c)).OrderBy(c => c.Path, StringComparer.CurrentCulture).ToList());
    }

    private static async Task<Results<Created<CategoryResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(CategoryInput input,
        IDocumentStore store, TenantContext tenant, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(tenant.Require());
        var category = new Category { Id = Guid.CreateVersion7(), Name = "" };
        var tree = await CategoryTree.LoadAsync(session, cancellationToken);
        if (input.Validate(tree, null) is { Count: > 0 } errors) return Problems.Validation(errors);
        if (await StoreAsync(session, category, input, cancellationToken) is { } conflict) return conflict;
        return TypedResults.Created($"/api/catalog/categories/{category.Id}", Response(await CategoryTree.LoadAsync(session, cancellationToken), category));
    }

    private static async Task<Results<Ok<CategoryResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(Guid id, CategoryInput input,
        IDocumentStore store, TenantContext tenant, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(tenant.Require());
        if (await session.LoadAsync<Category>(id, cancellationToken) is not { } category) return NotFound();
        var tree = await CategoryTree.LoadAsync(session, cancellationToken);
        if (input.Validate(tree, category.Id) is { Count: > 0 } errors) return Problems.Validation(errors);
        if (await StoreAsync(session, category, input, cancellationToken) is { } conflict) return conflict;
        return TypedResults.Ok(Response(await CategoryTree.LoadAsync(session, cancellationToken), category));
    }

    /// <summary>Null when stored; a 409 when a sibling took the name first (the unique index settles the race).</summary>
    private static async Task<ProblemHttpResult?> StoreAsync(IDocumentSession session, Category category, CategoryInput input,
        CancellationToken cancellationToken)
    {
        input.ApplyTo(category);
        session.Store(category);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (Exception e) when (WriteConflicts.IsConflict(e))
        {
            return FieldProblems.Of(StatusCodes.Status409Conflict, CatalogProblemCodes.CategoryNameInUse, "name",
                "Já existe uma categoria com este nome neste nível.");
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, IDocumentStore store, TenantContext tenant,
        CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(tenant.Require());
        if (await session.LoadAsync<Category>(id, cancellationToken) is null) return NotFound();
        if (await session.Query<Category>().AnyAsync(c => c.ParentId == id, cancellationToken))
            return Problems.Conflict(CatalogProblemCodes.CategoryHasSubcategories,
                "A categoria tem subcategorias: mova-as ou exclua-as primeiro.");
        if (await session.Query<Product>().AnyAsync(p => p.CategoryId == id && p.DeletedAt == null, cancellationToken))
            return Problems.Conflict(CatalogProblemCodes.CategoryInUse, "Há produtos nesta categoria: mova-os para outra categoria primeiro.");
        session.Delete<Category>(id);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static CategoryResponse Response(CategoryTree tree, Category c) => new(c.Id, c.Name, c.ParentId, tree.PathText(c.Id));

    private static ProblemHttpResult NotFound() => Problems.NotFound(CatalogProblemCodes.CategoryNotFound, "Categoria não encontrada.");
}
