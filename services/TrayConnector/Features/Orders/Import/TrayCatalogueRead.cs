using System.Globalization;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Json;
using TrayBridge.TrayConnector.Features.Orders.Mirror;
using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.TrayConnector.Features.Orders.Import;

/// <summary>The store's catalogue read by pages of 50 (<c>GET /products</c>) for NCM and EAN, instead of one
/// <c>/products/{id}</c> per product an import lacks: a store's first import meets most of its products at once, and a
/// small catalogue (up to <c>Tray:Orders:CataloguePages</c> pages) costs that many calls in all. A bigger one is read for
/// its first page only (fifty products for one call); the rest are read one by one. Once per store per
/// <c>Tray:Orders:ProductFiscalFor</c>, one reader at a time across replicas.</summary>
public sealed class TrayCatalogueRead(IDocumentStore documents, NpgsqlDataSource dataSource, TrayApiClient tray, IOptions<OrderSettings> options,
    TimeProvider time)
{
    private const int PageSize = 50;

    /// <summary>Reads the catalogue unless it was read recently; false when it had been (nothing new was stored).</summary>
    public async Task<bool> ReadIfStaleAsync(string tenantId, string storeId, CancellationToken cancellationToken)
    {
        await using var held = await AdvisoryLock.TakeAsync(dataSource, $"tray-catalogue-read:{tenantId}:{storeId}", cancellationToken);
        await using (var query = documents.QuerySession(tenantId))
        {
            var last = await query.LoadAsync<CatalogueRead>(storeId, cancellationToken);
            if (last is not null && time.GetUtcNow() - last.ReadAt < options.Value.ProductFiscalFor) return false; // read meanwhile, or recently
        }
        var reads = new List<ProductFiscalRead>();
        long total = 0;
        for (var page = 1; page <= Math.Max(1, options.Value.CataloguePages); page++)
        {
            var body = await tray.GetAsync<JsonElement>(tenantId, storeId, $"products?limit={PageSize}&page={page}", TrayPriority.ManualImport, cancellationToken);
            var items = body.TryGetProperty("Products", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [];
            foreach (var product in items.Select(i => i.Object("Product")))
                if (product.Id("id") is { } id)
                    reads.Add(new ProductFiscalRead(ProductFiscalRead.IdFor(storeId, id), id,
                        product.Text("ncm") is { } ncm ? Digits.OrNull(ncm) : null, product.Text("ean"), time.GetUtcNow()));
            total = long.Parse(body.GetProperty("paging").Text("total") ?? "0", CultureInfo.InvariantCulture);
            // Too big to read whole: the first page is kept, and the rest is read product by product as orders need it.
            if (items.Count == 0 || (long)page * PageSize >= total || total > (long)PageSize * options.Value.CataloguePages) break;
        }
        await using var session = documents.LightweightSession(tenantId);
        session.Store(reads.ToArray());
        session.Store(new CatalogueRead(storeId, total, reads.Count, time.GetUtcNow()));
        await session.SaveChangesAsync(cancellationToken);
        return true;
    }
}

/// <summary>When a store's catalogue was last read by pages, how big it was and how much of it was kept (id = store id).</summary>
public sealed record CatalogueRead(string Id, long Total, int Kept, DateTimeOffset ReadAt);
