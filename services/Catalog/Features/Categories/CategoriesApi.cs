using Marten;
using TrayBridge.Catalog.Domain;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Catalog.Features.Categories;

/// <summary><c>/api/catalog/categories</c>: the ERP's category tree. Siblings have distinct names; a category in use by a
/// product or with subcategories is not deleted.</summary>
public static class CategoriesApi
{
    public sealed record CategoryResponse(Guid Id, string Name, Guid? ParentId, string Path);

    public static void MapCategoriesApi(this WebApplication app)
    {
        var categories = app.MapGroup("/api/catalog/categories").WithTags("Categories");
        categories.MapGet("/", ListAsync);
        categories.MapPost("/", CreateAsync);
        categories.MapPut("/{id:guid}", UpdateAsync);
        categories.MapDelete("/{id:guid}", DeleteAsync);
    }

    private static async Task<IResult> ListAsync(IDocumentStore store, TenantContext tenant, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(tenant.Require());
        var tree = await CategoryTree.LoadAsync(session, cancellationToken);
        return Results.Ok(tree.All.Select(c => Response(tree, c)).OrderBy(c => c.Path, StringComparer.CurrentCulture));
    }

    private static async Task<IResult> CreateAsync(CategoryInput input, IDocumentStore store, TenantContext tenant, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(tenant.Require());
        var category = new Category { Id = Guid.CreateVersion7(), Name = "" };
        return await SaveAsync(session, category, input, cancellationToken) is { } problem ? problem
            : Results.Created($"/api/catalog/categories/{category.Id}", Response(await CategoryTree.LoadAsync(session, cancellationToken), category));
    }

    private static async Task<IResult> UpdateAsync(Guid id, CategoryInput input, IDocumentStore store, TenantContext tenant,
        CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(tenant.Require());
        if (await session.LoadAsync<Category>(id, cancellationToken) is not { } category) return NotFound();
        return await SaveAsync(session, category, input, cancellationToken)
            ?? Results.Ok(Response(await CategoryTree.LoadAsync(session, cancellationToken), category));
    }

    private static async Task<IResult?> SaveAsync(IDocumentSession session, Category category, CategoryInput input, CancellationToken cancellationToken)
    {
        var tree = await CategoryTree.LoadAsync(session, cancellationToken);
        if (input.Validate(tree, tree.Find(category.Id)?.Id) is { Count: > 0 } errors) return Results.ValidationProblem(errors);
        input.ApplyTo(category);
        session.Store(category);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (Exception e) when (WriteConflicts.IsConflict(e))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["Another category at this level has this name."] },
                statusCode: 409, title: "Category name already in use.");
        }
    }

    private static async Task<IResult> DeleteAsync(Guid id, IDocumentStore store, TenantContext tenant, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(tenant.Require());
        if (await session.LoadAsync<Category>(id, cancellationToken) is null) return NotFound();
        if (await session.Query<Category>().AnyAsync(c => c.ParentId == id, cancellationToken))
            return Results.Problem(statusCode: 409, title: "The category has subcategories.", detail: "Move or delete them first.");
        if (await session.Query<Product>().AnyAsync(p => p.CategoryId == id && p.DeletedAt == null, cancellationToken))
            return Results.Problem(statusCode: 409, title: "Products are in this category.", detail: "Move them to another category first.");
        session.Delete<Category>(id);
        await session.SaveChangesAsync(cancellationToken);
        return Results.NoContent();
    }

    private static CategoryResponse Response(CategoryTree tree, Category c) => new(c.Id, c.Name, c.ParentId, tree.PathText(c.Id));

    private static IResult NotFound() => Results.Problem(statusCode: 404, title: "Category not found.");
}
