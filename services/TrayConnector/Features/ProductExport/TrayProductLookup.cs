using System.Text.Json;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Json;

namespace TrayBridge.TrayConnector.Features.ProductExport;

/// <summary>Finds a product already on Tray so we adopt it instead of duplicating it. Tray's filter semantics are not
/// documented (exact or partial), so every page is read and compared exactly here: <c>CAM-1</c> never matches <c>CAM-10</c>.
/// By EAN only a product without a reference is adopted: one with another reference is another ERP product's.</summary>
public sealed class TrayProductLookup(TrayApiClient tray)
{
    public sealed record Match(string? TrayProductId, string? Ambiguity);

    public async Task<Match> FindAsync(string tenantId, string storeId, string reference, string? ean, CancellationToken cancellationToken)
    {
        var byReference = await IdsAsync(tenantId, storeId, "reference", reference, cancellationToken);
        if (byReference.Count > 1)
            return new(null, $"Referência ambígua: {byReference.Count} produtos na Tray têm a referência '{reference}' ({string.Join(", ", byReference)}).");
        if (byReference.Count == 1 || string.IsNullOrEmpty(ean)) return new(byReference.SingleOrDefault(), null);
        var byEan = await IdsAsync(tenantId, storeId, "ean", ean, cancellationToken, withoutReference: true);
        return byEan.Count > 1
            ? new(null, $"EAN ambíguo: {byEan.Count} produtos na Tray têm o EAN {ean} ({string.Join(", ", byEan)}).")
            : new(byEan.SingleOrDefault(), null);
    }

    private async Task<List<string>> IdsAsync(string tenantId, string storeId, string field, string value, CancellationToken cancellationToken,
        bool withoutReference = false)
    {
        var ids = new List<string>();
        await foreach (var product in tray.ListAllAsync(tenantId, storeId, $"products?{field}={Uri.EscapeDataString(value)}", "Products", "Product",
                           TrayPriority.PriceStockSync, cancellationToken))
            if (product.Text(field) == value && (!withoutReference || product.Text("reference") is null))
                ids.Add(product.RequiredId());
        return ids;
    }
}
