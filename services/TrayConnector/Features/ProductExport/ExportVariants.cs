using System.Net;
using TrayBridge.Contracts.Catalog;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.ProductExport;

/// <summary>Puts a snapshot's variations on its Tray product, once the product is there: a linked variation is updated (and
/// made again if someone deleted its variant on Tray — the ERP is the master of variations); an unlinked one adopts the
/// variant Tray already has (<see cref="TrayVariantLookup"/>), else is created; a variation the ERP dropped has its variant
/// deleted. Deleted, not made unavailable: DELETE <c>/products/variants/{id}</c> is documented (DEV21, TCLIB, MCP) while
/// <c>available</c> is not among a variant's documented write fields, and a leftover variant would keep its grid cell and
/// reference on the storefront. The link is updated as each call succeeds, so a failure part-way loses nothing.</summary>
public sealed class ExportVariants(TrayApiClient tray)
{
    /// <summary>Null when done; else why a variation cannot be placed (nothing more is sent).</summary>
    public async Task<string?> ApplyAsync(ProductToExport request, ProductLink link, CancellationToken cancellationToken)
    {
        var productId = link.TrayProductId!;
        // Dropped ones first: a replacement may take the grid cell a dropped variant holds.
        foreach (var gone in link.Variants.Where(l => request.Variations.All(v => v.VariationId != l.VariationId)).ToList())
        {
            await DeleteAsync(request, gone.TrayVariantId, cancellationToken);
            link.Variants.Remove(gone);
        }
        var lookup = new TrayVariantLookup(tray, request.TenantId, request.StoreId, productId);
        for (var i = 0; i < request.Variations.Count; i++)
        {
            var variation = request.Variations[i];
            var linked = link.Variants.Find(v => v.VariationId == variation.VariationId);
            if (linked is not null && await UpdateAsync(request, variation, i + 1, productId, linked, cancellationToken)) continue;
            if (linked is not null) link.Variants.Remove(linked); // deleted on Tray: made again below
            var (adopted, ambiguity) = await lookup.FindAsync(request, variation, link.Variants.Select(v => v.TrayVariantId).ToHashSet(), cancellationToken);
            if (ambiguity is not null) return ambiguity;
            linked = new VariantLink { VariationId = variation.VariationId, TrayVariantId = adopted ?? await CreateAsync(request, variation, i + 1, productId, lookup, cancellationToken) };
            if (adopted is not null) await UpdateAsync(request, variation, i + 1, productId, linked, cancellationToken, picturesKnown: false);
            else Sent(linked, variation);
            link.Variants.Add(linked);
        }
        return null;
    }

    /// <summary>False when the variant is no longer on Tray.</summary>
    private async Task<bool> UpdateAsync(ProductToExport request, VariantToExport variation, int order, string productId,
        VariantLink linked, CancellationToken cancellationToken, bool picturesKnown = true)
    {
        try
        {
            // An adopted variant's pictures are not ours to know: every slot is sent.
            (await tray.SendAsync(request.TenantId, request.StoreId, HttpMethod.Put, $"products/variants/{linked.TrayVariantId}",
                TrayVariantBody.From(request, variation, order, productId, picturesKnown ? linked.ImageUrls : null), TrayPriority.PriceStockSync,
                cancellationToken)).Dispose();
            Sent(linked, variation);
            return true;
        }
        catch (TrayApiException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private Task<string> CreateAsync(ProductToExport request, VariantToExport variation, int order, string productId,
        TrayVariantLookup lookup, CancellationToken cancellationToken) =>
        tray.CreateAsync(request.TenantId, request.StoreId, "products/variants", TrayVariantBody.From(request, variation, order, productId, []),
            token => lookup.CreatedAsync(variation.Sku, token), TrayPriority.PriceStockSync, cancellationToken);

    private async Task DeleteAsync(ProductToExport request, string trayVariantId, CancellationToken cancellationToken)
    {
        try
        {
            (await tray.SendAsync(request.TenantId, request.StoreId, HttpMethod.Delete, $"products/variants/{trayVariantId}", null,
                TrayPriority.PriceStockSync, cancellationToken)).Dispose();
        }
        catch (TrayApiException e) when (e.Status == HttpStatusCode.NotFound) { } // already gone: what we wanted
    }

    private static void Sent(VariantLink linked, VariantToExport variation)
    {
        linked.ImageUrls = [.. variation.ImageUrls];
        (linked.SentPrice, linked.SentPromotionalPrice, linked.SentStock) = (variation.Price, variation.PromotionalPrice, variation.Stock);
    }
}
