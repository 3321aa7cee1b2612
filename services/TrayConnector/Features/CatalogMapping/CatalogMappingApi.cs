using Marten;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TrayConnector.Features.Stores;

namespace TrayBridge.TrayConnector.Features.CatalogMapping;

/// <summary><c>/api/tray/stores/{storeId}/catalog-mapping</c>: a store's options (create categories/brands on Tray) and its
/// category and brand mappings, set by hand (<see cref="ManualMapping"/>) or found/created by exports.</summary>
public static class CatalogMappingApi
{
    public sealed record OptionsInput(bool CreateCategories, bool CreateBrands);

    public static void MapCatalogMappingApi(this WebApplication app)
    {
        var mapping = app.MapGroup("/api/tray/stores/{storeId}").WithTags("Catalog mapping");
        mapping.MapGet("/catalog-mapping", GetAsync);
        mapping.MapPut("/catalog-mapping/options", SetOptionsAsync);
        mapping.MapPut("/catalog-mapping/categories/{erpCategoryId:guid}", ManualMapping.MapCategoryAsync);
        mapping.MapDelete("/catalog-mapping/categories/{erpCategoryId:guid}", ManualMapping.UnmapCategoryAsync);
        mapping.MapPut("/catalog-mapping/brands", ManualMapping.MapBrandAsync);
        mapping.MapDelete("/catalog-mapping/brands", ManualMapping.UnmapBrandAsync);
        mapping.MapGet("/tray-categories", TrayCatalogLists.CategoriesAsync);
        mapping.MapGet("/tray-brands", TrayCatalogLists.BrandsAsync);
    }

    private static async Task<IResult> GetAsync(string storeId, IDocumentStore documents, TenantContext tenant, CancellationToken cancellationToken)
    {
        await using var session = documents.QuerySession(tenant.Require());
        if (await session.LoadAsync<TrayStore>(storeId, cancellationToken) is null) return StoreNotFound();
        var options = await session.LoadAsync<StoreCatalogOptions>(storeId, cancellationToken);
        var categories = await session.Query<CategoryMapping>().Where(m => m.StoreId == storeId).ToListAsync(cancellationToken);
        var brands = await session.Query<BrandMapping>().Where(m => m.StoreId == storeId).OrderBy(m => m.Brand).ToListAsync(cancellationToken);
        return Results.Ok(new
        {
            storeId,
            createCategories = options?.CreateCategories ?? false,
            createBrands = options?.CreateBrands ?? false,
            categories = categories.Select(m => new { m.ErpCategoryId, m.TrayCategoryId, Origin = m.Origin.ToString(), m.UpdatedAt }),
            brands = brands.Select(m => new { m.Brand, m.TrayBrandId, m.TrayBrandName, Origin = m.Origin.ToString(), m.UpdatedAt }),
        });
    }

    private static async Task<IResult> SetOptionsAsync(string storeId, OptionsInput input, IDocumentStore documents, TenantContext tenant,
        CancellationToken cancellationToken)
    {
        await using var session = documents.LightweightSession(tenant.Require());
        if (await session.LoadAsync<TrayStore>(storeId, cancellationToken) is null) return StoreNotFound();
        session.Store(new StoreCatalogOptions { Id = storeId, CreateCategories = input.CreateCategories, CreateBrands = input.CreateBrands });
        await session.SaveChangesAsync(cancellationToken);
        return Results.Ok(input);
    }

    public static IResult StoreNotFound() => Results.Problem(statusCode: 404, title: "Store not found.");
}
