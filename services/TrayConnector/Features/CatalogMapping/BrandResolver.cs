using System.Net;
using Marten;
using Npgsql;
using TrayBridge.Contracts.Catalog;
using TrayBridge.TrayConnector.Features.ProductExport;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Text;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.CatalogMapping;

/// <summary>The brand a product carries on a store: the mapped Tray brand; else the Tray brand of that name, adopted; else
/// one created (with a slug, <see cref="TraySlug"/>) when the store allows it; else the ERP's brand as plain text (Tray's product <c>brand</c> is free text, so the
/// brand is never lost — it only stays out of the store's brand list).</summary>
public sealed class BrandResolver(IDocumentStore documents, NpgsqlDataSource dataSource, TrayApiClient tray, TimeProvider time)
{
    public sealed record Resolution(string Name, string? TrayBrandId);

    public async Task<Resolution> ResolveAsync(ProductToExport request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Brand)) return new("", null);
        var brand = request.Brand.Trim();
        var id = BrandMapping.IdFor(request.StoreId, brand);
        await using var session = documents.LightweightSession(request.TenantId);
        if (await session.LoadAsync<BrandMapping>(id, cancellationToken) is { } mapped) return new(mapped.TrayBrandName, mapped.TrayBrandId);

        await using var held = await AdvisoryLock.TakeAsync(dataSource, $"tray-brands:{request.TenantId}:{request.StoreId}", cancellationToken);
        if (await session.LoadAsync<BrandMapping>(id, cancellationToken) is { } meanwhile) return new(meanwhile.TrayBrandName, meanwhile.TrayBrandId);
        var found = await FindAsync(request, brand, cancellationToken);
        var options = await session.LoadAsync<StoreCatalogOptions>(request.StoreId, cancellationToken);
        if (found is null && options?.CreateBrands != true) return new(brand, null);
        try
        {
            var trayId = found?.Id ?? await TraySlug.CreateAsync(tray, request.TenantId, request.StoreId, "products/brands", "Brand",
                new Dictionary<string, object> { ["brand"] = brand }, TraySlug.Of(brand, "marca"),
                async token => (await FindAsync(request, brand, token))?.Id, cancellationToken);
            session.Store(new BrandMapping
            {
                Id = id, StoreId = request.StoreId, Brand = brand, TrayBrandId = trayId, TrayBrandName = found?.Name ?? brand,
                Origin = found is null ? MappingOrigin.Created : MappingOrigin.Matched, UpdatedAt = time.GetUtcNow(),
            });
            await session.SaveChangesAsync(cancellationToken);
            return new(found?.Name ?? brand, trayId);
        }
        catch (TrayApiException e) when ((int)e.Status is >= 400 and < 500 && e.Status != HttpStatusCode.TooManyRequests)
        {
            // A brand Tray will not create still goes as text: the product itself is what the user exported.
            return new(brand, null);
        }
    }

    private async Task<(string Id, string Name)?> FindAsync(ProductToExport request, string brand, CancellationToken cancellationToken)
    {
        var key = TextFolding.Fold(brand);
        await foreach (var candidate in tray.ListAllAsync(request.TenantId, request.StoreId,
                           $"products/brands?brand={Uri.EscapeDataString(brand)}", "Brands", "Brand", TrayPriority.PriceStockSync, cancellationToken))
            if (TextFolding.Fold(candidate.GetProperty("brand").ToString().Trim()) == key)
                return (candidate.GetProperty("id").ToString(), candidate.GetProperty("brand").ToString());
        return null;
    }
}
