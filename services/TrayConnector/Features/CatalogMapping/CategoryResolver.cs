using System.Net;
using Marten;
using Npgsql;
using TrayBridge.Contracts.Catalog;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Json;

namespace TrayBridge.TrayConnector.Features.CatalogMapping;

/// <summary>The Tray category of a product's ERP category on a store, level by level from the root: a mapped level is used
/// as mapped; an unmapped one is adopted when Tray has a category of that name under the same parent, else created when the
/// store allows it, else the export fails saying what to map. Resolution runs under a lock per store, so two exports of
/// products in one new category create it once.</summary>
public sealed class CategoryResolver(IDocumentStore documents, NpgsqlDataSource dataSource, TrayApiClient tray, TimeProvider time)
{
    public sealed record Resolution(string? TrayCategoryId, string? Problem);

    public async Task<Resolution> ResolveAsync(ProductExportRequested request, CancellationToken cancellationToken)
    {
        if (request.CategoryPath.Count == 0) return new(null, null);
        await using var session = documents.LightweightSession(request.TenantId);
        if (await MappedAsync(session, request.StoreId, request.CategoryPath[^1], cancellationToken) is { } leaf) return new(leaf, null);

        await using var held = await AdvisoryLock.TakeAsync(dataSource, $"tray-categories:{request.TenantId}:{request.StoreId}", cancellationToken);
        var options = await session.LoadAsync<StoreCatalogOptions>(request.StoreId, cancellationToken);
        var parent = "0";
        for (var depth = 0; depth < request.CategoryPath.Count; depth++)
        {
            var level = request.CategoryPath[depth];
            if (await MappedAsync(session, request.StoreId, level, cancellationToken) is { } mapped)
            {
                parent = mapped;
                continue;
            }
            var path = string.Join(" > ", request.CategoryPath.Take(depth + 1).Select(c => c.Name));
            var found = await FindAsync(request, level.Name, parent, cancellationToken);
            if (found.Count > 1) return new(null, $"Categoria '{path}' ambígua na Tray: {found.Count} categorias com esse nome no mesmo nível.");
            if (found.Count == 0 && options?.CreateCategories != true)
                return new(null, $"Categoria '{path}' sem correspondente na loja: associe-a a uma categoria da Tray ou permita criar categorias.");
            try
            {
                var trayId = found.Count == 1 ? found[0] : await CreateAsync(request, level.Name, parent, cancellationToken);
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

    private static async Task<string?> MappedAsync(IQuerySession session, string storeId, ProductCategorySnapshot level, CancellationToken cancellationToken) =>
        (await session.LoadAsync<CategoryMapping>(CategoryMapping.IdFor(storeId, level.CategoryId), cancellationToken))?.TrayCategoryId;

    /// <summary>Tray's categories of this name under <paramref name="parentId"/>, compared on our side (how Tray's name filter
    /// matches is not documented).</summary>
    private async Task<List<string>> FindAsync(ProductExportRequested request, string name, string parentId, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        var key = ServiceDefaults.Text.TextFolding.Fold(name.Trim());
        await foreach (var category in tray.ListAllAsync(request.TenantId, request.StoreId, $"categories?parent_id={parentId}", "Categories", "Category",
                           TrayPriority.PriceStockSync, cancellationToken))
            if (ServiceDefaults.Text.TextFolding.Fold(category.GetProperty("name").ToString().Trim()) == key
                && category.GetProperty("parent_id").ToString() is var parent && (parent == parentId || (parentId == "0" && parent is "" or "0")))
                found.Add(category.GetProperty("id").ToString());
        return found;
    }

    private Task<string> CreateAsync(ProductExportRequested request, string name, string parentId, CancellationToken cancellationToken) =>
        tray.CreateAsync(request.TenantId, request.StoreId, "categories",
            TrayJson.Envelope("Category", new Dictionary<string, object> { ["name"] = name, ["parent_id"] = parentId }),
            async token => (await FindAsync(request, name, parentId, token)).FirstOrDefault(), TrayPriority.PriceStockSync, cancellationToken);
}
