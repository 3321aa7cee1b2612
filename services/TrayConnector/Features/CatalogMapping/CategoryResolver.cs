using System.Net;
using Marten;
using Npgsql;
using TrayBridge.Contracts.Catalog;
using TrayBridge.TrayConnector.Features.ProductExport;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.CatalogMapping;

/// <summary>The Tray category of a product's ERP category on a store, level by level from the root: a mapped level is used
/// as mapped; an unmapped one is adopted when Tray has a category of that name under the same parent, else created (with a
/// slug, <see cref="TraySlug"/>) when the store allows it, else the export fails saying what to map. Tray's categories are
/// read once, at the first unmapped level, and matched here (<see cref="TrayCategoryList"/>: roots show an empty parent).
/// Resolution runs under a lock per store, so two exports of products in one new category create it once.</summary>
public sealed class CategoryResolver(IDocumentStore documents, NpgsqlDataSource dataSource, TrayApiClient tray, TimeProvider time)
{
    public sealed record Resolution(string? TrayCategoryId, string? Problem);

    public async Task<Resolution> ResolveAsync(ProductToExport request, CancellationToken cancellationToken)
    {
        if (request.CategoryPath.Count == 0) return new(null, null);
        await using var session = documents.LightweightSession(request.TenantId);
        if (await MappedAsync(session, request.StoreId, request.CategoryPath[^1], cancellationToken) is { } leaf) return new(leaf, null);

        await using var held = await AdvisoryLock.TakeAsync(dataSource, $"tray-categories:{request.TenantId}:{request.StoreId}", cancellationToken);
        var options = await session.LoadAsync<StoreCatalogOptions>(request.StoreId, cancellationToken);
        TrayCategoryList? onTray = null;
        string? parent = null; // the root
        for (var depth = 0; depth < request.CategoryPath.Count; depth++)
        {
            var level = request.CategoryPath[depth];
            if (await MappedAsync(session, request.StoreId, level, cancellationToken) is { } mapped)
            {
                parent = mapped;
                continue;
            }
            var path = string.Join(" > ", request.CategoryPath.Take(depth + 1).Select(c => c.Name));
            onTray ??= await TrayCategoryList.ReadAsync(tray, request.TenantId, request.StoreId, cancellationToken);
            var found = onTray.Named(level.Name, parent);
            if (found.Count > 1) return new(null, $"Categoria '{path}' ambígua na Tray: {found.Count} categorias com esse nome no mesmo nível.");
            if (found.Count == 0 && options?.CreateCategories != true)
                return new(null, $"Categoria '{path}' sem correspondente na loja: associe-a a uma categoria da Tray ou permita criar categorias.");
            if (found.Count == 0 && onTray.Truncated)
                return new(null, $"A loja tem mais de {TrayCategoryList.MaxCategories} categorias na Tray: associe a categoria '{path}' a uma delas.");
            try
            {
                var trayId = found.Count == 1 ? found[0] : await CreateAsync(request, level.Name, parent, cancellationToken);
                if (found.Count == 0) onTray.Add(trayId, parent, level.Name);
                // Stored level by level: what is on Tray already is remembered even if a deeper level fails.
                session.Store(new CategoryMapping
                {
                    Id = CategoryMapping.IdFor(request.StoreId, level.CategoryId), StoreId = request.StoreId, ErpCategoryId = level.CategoryId,
                    TrayCategoryId = trayId, Origin = found.Count == 1 ? MappingOrigin.Matched : MappingOrigin.Created, UpdatedAt = time.GetUtcNow(),
                });
                await session.SaveChangesAsync(cancellationToken);
                parent = trayId;
            }
            catch (TrayApiException e) when ((int)e.Status is >= 400 and < 500 && e.Status != HttpStatusCode.TooManyRequests)
            {
                return new(null, $"A Tray recusou a categoria '{path}': {e.Name}{(e.Causes.Count > 0 ? " — " + string.Join("; ", e.Causes) : "")}");
            }
        }
        return new(parent, null);
    }

    private static async Task<string?> MappedAsync(IQuerySession session, string storeId, CategoryToExport level, CancellationToken cancellationToken) =>
        (await session.LoadAsync<CategoryMapping>(CategoryMapping.IdFor(storeId, level.CategoryId), cancellationToken))?.TrayCategoryId;

    /// <summary>A root is created without <c>parent_id</c> (Tray shows a root's as empty). A lost answer is reconciled by
    /// reading the categories again.</summary>
    private Task<string> CreateAsync(ProductToExport request, string name, string? parentId, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, object> { ["name"] = name };
        if (parentId is not null) fields["parent_id"] = parentId;
        return TraySlug.CreateAsync(tray, request.TenantId, request.StoreId, "categories", "Category", fields, TraySlug.Of(name, "categoria"),
            async token => (await TrayCategoryList.ReadAsync(tray, request.TenantId, request.StoreId, token)).Named(name, parentId).FirstOrDefault(),
            cancellationToken);
    }
}
