using System.Net;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.Options;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.TrayConnector.Features.ProductExport;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Json;
using TrayBridge.TrayConnector.Domain;
using TrayBridge.TrayConnector.Features.Orders.Mirror;
using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.TrayConnector.Features.Orders.Import;

/// <summary>NCM and EAN for order lines whose product the ERP does not know (no link from an export): <c>ProductsSold</c>
/// has no NCM and the Orders service must not call Tray, so they come from Tray's <c>/products/{id}</c>. A store's orders
/// repeat the same few products, and each read is a call of its 180 a minute (issue 12): a read is kept per store for
/// <c>Tray:Orders:ProductFiscalFor</c>, only products with no link and no recent read are read, and the first lack takes
/// the store's catalogue by pages (<see cref="TrayCatalogueRead"/>) before any single read.</summary>
public sealed class TrayProductFiscal(IDocumentStore documents, TrayCatalogueRead catalogue, TrayApiClient tray, IOptions<OrderSettings> options,
    TimeProvider time)
{
    public async Task<List<TrayOrderItem>> WithFiscalDataAsync(string tenantId, string storeId, IReadOnlyList<TrayOrderItem> items,
        CancellationToken cancellationToken)
    {
        var productIds = items.Select(i => i.TrayProductId).Distinct().ToArray();
        Dictionary<string, ProductFiscalRead> known;
        HashSet<string> linked;
        await using (var query = documents.QuerySession(tenantId))
        {
            linked = (await query.Query<ProductLink>()
                .Where(l => l.StoreId == storeId && l.State == LinkState.Linked && l.TrayProductId.IsOneOf(productIds))
                .Select(l => l.TrayProductId!).ToListAsync(cancellationToken)).ToHashSet();
            var fresh = time.GetUtcNow() - options.Value.ProductFiscalFor;
            known = (await query.LoadManyAsync<ProductFiscalRead>(cancellationToken, productIds.Select(id => ProductFiscalRead.IdFor(storeId, id)).ToArray()))
                .Where(r => r.ReadAt >= fresh).ToDictionary(r => r.TrayProductId);
        }
        var missing = productIds.Where(id => !linked.Contains(id) && !known.ContainsKey(id)).ToArray();
        if (missing.Length > 0 && await catalogue.ReadIfStaleAsync(tenantId, storeId, cancellationToken))
        {
            await using var query = documents.QuerySession(tenantId);
            foreach (var r in await query.LoadManyAsync<ProductFiscalRead>(cancellationToken, missing.Select(id => ProductFiscalRead.IdFor(storeId, id)).ToArray()))
                known[r.TrayProductId] = r;
        }
        var read = new List<ProductFiscalRead>();
        foreach (var productId in missing.Where(id => !known.ContainsKey(id)))
        {
            try
            {
                var product = (await tray.GetAsync<JsonElement>(tenantId, storeId, $"products/{productId}", TrayPriority.ManualImport, cancellationToken))
                    .Object("Product");
                read.Add(new ProductFiscalRead(ProductFiscalRead.IdFor(storeId, productId), productId,
                    product.Text("ncm") is { } ncm ? Digits.OrNull(ncm) : null, product.Text("ean"), time.GetUtcNow()));
            }
            catch (TrayApiException e) when (e.Status == HttpStatusCode.NotFound) { } // deleted on Tray since: the line keeps what the order says
        }
        if (read.Count > 0)
        {
            await using var session = documents.LightweightSession(tenantId);
            session.Store(read.ToArray());
            await session.SaveChangesAsync(cancellationToken);
            foreach (var r in read) known[r.TrayProductId] = r;
        }
        return items.Select(i => known.TryGetValue(i.TrayProductId, out var data) && !linked.Contains(i.TrayProductId)
            ? i with { Ncm = data.Ncm, Ean = i.Ean ?? data.Ean } : i).ToList();
    }
}

/// <summary>What Tray's <c>/products/{id}</c> said of a product's NCM and EAN, and when (id <c>store:product</c>).</summary>
public sealed record ProductFiscalRead(string Id, string TrayProductId, string? Ncm, string? Ean, DateTimeOffset ReadAt)
{
    public static string IdFor(string storeId, string trayProductId) => $"{storeId}:{trayProductId}";
}
