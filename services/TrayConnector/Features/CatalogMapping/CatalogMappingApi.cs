using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TrayConnector.Features.Stores;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Extensions;
using TrayBridge.ServiceDefaults.Security;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.CatalogMapping;

/// <summary><c>/api/tray/stores/{storeId}/catalog-mapping</c>: a store's options (create categories/brands on Tray) and its
/// category and brand mappings, set by hand (<see cref="ManualMapping"/>) or found/created by exports.</summary>
public static class CatalogMappingApi
{
    /// <summary>A store's mappings follow the ERP's categories and brands: hundreds at most; the bound keeps one answer finite.</summary>
    public const int MaxMappings = 5_000;

    public static void MapCatalogMappingApi(this WebApplication app)
    {
        var mapping = app.MapGroup("/api/tray/stores/{storeId}").WithTags("Catalog mapping");
        mapping.MapGet("/catalog-mapping", GetAsync).ProducesTrayProblems(404);
        mapping.MapPut("/catalog-mapping/options", SetOptionsAsync).ProducesTrayProblems(404).RequireAdmin();
        mapping.MapPut("/catalog-mapping/categories/{erpCategoryId:guid}", ManualMapping.MapCategoryAsync).ProducesTrayProblems(404, 409, 422, 429, 502, 503).RequireAdmin();
        mapping.MapDelete("/catalog-mapping/categories/{erpCategoryId:guid}", ManualMapping.UnmapCategoryAsync).ProducesTrayProblems(404).RequireAdmin();
        mapping.MapPut("/catalog-mapping/brands", ManualMapping.MapBrandAsync).ProducesTrayProblems(404, 409, 422, 429, 502, 503).RequireAdmin();
        mapping.MapDelete("/catalog-mapping/brands", ManualMapping.UnmapBrandAsync).ProducesTrayProblems(404).RequireAdmin();
        mapping.MapGet("/tray-categories", TrayCatalogLists.CategoriesAsync).ProducesTrayProblems(404, 409, 429, 502, 503);
        mapping.MapGet("/tray-brands", TrayCatalogLists.BrandsAsync).ProducesTrayProblems(404, 409, 429, 502, 503);
    }

    private static async Task<Results<Ok<Api.Tray.CatalogMapping>, ProblemHttpResult>> GetAsync(string storeId, IDocumentStore documents,
        TenantContext tenant, CancellationToken cancellationToken)
    {
        await using var session = documents.QuerySession(tenant.Require());
        if (await session.LoadAsync<TrayStore>(storeId, cancellationToken) is null) return TrayProblems.StoreNotFound();
        var options = await session.LoadAsync<StoreCatalogOptions>(storeId, cancellationToken);
        var categories = await session.Query<CategoryMapping>().Where(m => m.StoreId == storeId).Take(MaxMappings).ToListAsync(cancellationToken);
        var brands = await session.Query<BrandMapping>().Where(m => m.StoreId == storeId).OrderBy(m => m.Brand).Take(MaxMappings)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Api.Tray.CatalogMapping(storeId, options?.CreateCategories ?? false, options?.CreateBrands ?? false,
            categories.Select(m => new CategoryMappingItem(m.ErpCategoryId, m.TrayCategoryId, m.Origin.ToString(), m.UpdatedAt)).ToList(),
            brands.Select(m => new BrandMappingItem(m.Brand, m.TrayBrandId, m.TrayBrandName, m.Origin.ToString(), m.UpdatedAt)).ToList()));
    }

    private static async Task<Results<Ok<CatalogMappingOptions>, ProblemHttpResult>> SetOptionsAsync(string storeId, CatalogMappingOptions input,
        IDocumentStore documents, TenantContext tenant, CancellationToken cancellationToken)
    {
        await using var session = documents.LightweightSession(tenant.Require());
        if (await session.LoadAsync<TrayStore>(storeId, cancellationToken) is null) return TrayProblems.StoreNotFound();
        session.Store(new StoreCatalogOptions { Id = storeId, CreateCategories = input.CreateCategories, CreateBrands = input.CreateBrands });
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(input);
    }
}
