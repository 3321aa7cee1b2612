using System.Net;
using System.Text.Json;
using Marten;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TrayConnector.Features.Stores;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;

namespace TrayBridge.TrayConnector.Features.CatalogMapping;

/// <summary>A person maps an ERP category or brand to one Tray already has; the Tray record is read first, so a mapping
/// never points at something that does not exist on the store.</summary>
public static class ManualMapping
{
    public sealed record CategoryInput(string? TrayCategoryId);
    public sealed record BrandInput(string? Brand, string? TrayBrandId);

    public static async Task<IResult> MapCategoryAsync(string storeId, Guid erpCategoryId, CategoryInput input, IDocumentStore documents,
        TenantContext tenant, TrayApiClient tray, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var session = documents.LightweightSession(tenant.Require());
        if (await session.LoadAsync<TrayStore>(storeId, cancellationToken) is null) return CatalogMappingApi.StoreNotFound();
        if (await ReadOnTrayAsync(tray, session.TenantId, storeId, $"categories/{input.TrayCategoryId}", "Category", input.TrayCategoryId,
                "trayCategoryId", cancellationToken) is { Problem: { } problem }) return problem;
        session.Store(new CategoryMapping
        {
            Id = CategoryMapping.IdFor(storeId, erpCategoryId), StoreId = storeId, ErpCategoryId = erpCategoryId,
            TrayCategoryId = input.TrayCategoryId!, Origin = MappingOrigin.Manual, UpdatedAt = time.GetUtcNow(),
        });
        await session.SaveChangesAsync(cancellationToken);
        return Results.NoContent();
    }

    public static async Task<IResult> UnmapCategoryAsync(string storeId, Guid erpCategoryId, IDocumentStore documents, TenantContext tenant,
        CancellationToken cancellationToken)
    {
        await using var session = documents.LightweightSession(tenant.Require());
        if (await session.LoadAsync<TrayStore>(storeId, cancellationToken) is null) return CatalogMappingApi.StoreNotFound();
        session.Delete<CategoryMapping>(CategoryMapping.IdFor(storeId, erpCategoryId));
        await session.SaveChangesAsync(cancellationToken);
        return Results.NoContent();
    }

    public static async Task<IResult> MapBrandAsync(string storeId, BrandInput input, IDocumentStore documents, TenantContext tenant,
        TrayApiClient tray, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Brand))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["brand"] = ["The ERP brand is required."] });
        await using var session = documents.LightweightSession(tenant.Require());
        if (await session.LoadAsync<TrayStore>(storeId, cancellationToken) is null) return CatalogMappingApi.StoreNotFound();
        var read = await ReadOnTrayAsync(tray, session.TenantId, storeId, $"products/brands/{input.TrayBrandId}", "Brand", input.TrayBrandId,
            "trayBrandId", cancellationToken);
        if (read.Problem is not null) return read.Problem;
        session.Store(new BrandMapping
        {
            Id = BrandMapping.IdFor(storeId, input.Brand), StoreId = storeId, Brand = input.Brand.Trim(), TrayBrandId = input.TrayBrandId!,
            TrayBrandName = read.Record.GetProperty("brand").ToString(), Origin = MappingOrigin.Manual, UpdatedAt = time.GetUtcNow(),
        });
        await session.SaveChangesAsync(cancellationToken);
        return Results.NoContent();
    }

    public static async Task<IResult> UnmapBrandAsync(string storeId, string? brand, IDocumentStore documents, TenantContext tenant,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(brand))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["brand"] = ["The ERP brand is required."] });
        await using var session = documents.LightweightSession(tenant.Require());
        if (await session.LoadAsync<TrayStore>(storeId, cancellationToken) is null) return CatalogMappingApi.StoreNotFound();
        session.Delete<BrandMapping>(BrandMapping.IdFor(storeId, brand));
        await session.SaveChangesAsync(cancellationToken);
        return Results.NoContent();
    }

    private static async Task<(JsonElement Record, IResult? Problem)> ReadOnTrayAsync(TrayApiClient tray, string tenantId, string storeId,
        string path, string wrapper, string? id, string field, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id) || !id.All(char.IsAsciiDigit))
            return (default, Results.ValidationProblem(new Dictionary<string, string[]> { [field] = ["A Tray id (digits) is required."] }));
        try
        {
            var body = await tray.GetAsync<JsonElement>(tenantId, storeId, path, TrayPriority.ManualImport, cancellationToken);
            return (body.TryGetProperty(wrapper, out var record) ? record : body, null);
        }
        catch (TrayApiException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return (default, Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [$"The store has no {wrapper.ToLowerInvariant()} {id} on Tray."] },
                statusCode: 422));
        }
    }
}
