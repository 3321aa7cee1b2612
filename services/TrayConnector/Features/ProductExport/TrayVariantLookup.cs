using System.Text.Json;
using TrayBridge.Contracts.Catalog;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Json;

namespace TrayBridge.TrayConnector.Features.ProductExport;

/// <summary>The variants a Tray product already has, so a variation adopts its variant instead of duplicating it — one
/// created by an attempt that died before recording it, or made by hand on Tray. Exactly by reference (<c>CAM-1</c> never
/// matches <c>CAM-10</c>); else, for a variant without a reference, by the same grid (axis names and values).</summary>
public sealed class TrayVariantLookup(TrayApiClient tray, string tenantId, string storeId, string trayProductId)
{
    public sealed record OnTray(string Id, string Reference, IReadOnlyList<(string Type, string Value)> Grid);

    private List<OnTray>? _variants;

    /// <summary>The variant to adopt (null: none), or an error when more than one could be it.</summary>
    public async Task<(string? Id, string? Ambiguity)> FindAsync(ProductToExport product, VariantToExport variation,
        IReadOnlySet<string> taken, CancellationToken cancellationToken)
    {
        _variants ??= await ListAsync(cancellationToken);
        var free = _variants.Where(v => !taken.Contains(v.Id)).ToList();
        var byReference = free.Where(v => v.Reference == variation.Sku).ToList();
        if (byReference.Count > 1)
            return (null, $"Referência de variação ambígua: {byReference.Count} variações na Tray têm a referência '{variation.Sku}'.");
        if (byReference.Count == 1) return (byReference[0].Id, null);
        var grid = product.VariationAxes.Zip(variation.Values).ToList();
        var byGrid = free.Where(v => v.Reference.Length == 0 && v.Grid.SequenceEqual(grid)).ToList();
        return byGrid.Count > 1
            ? (null, $"Variação ambígua: {byGrid.Count} variações na Tray sem referência têm {string.Join(" / ", variation.Values)}.")
            : (byGrid.SingleOrDefault()?.Id, null);
    }

    /// <summary>After a lost answer to a creation: the variant Tray may have made after all.</summary>
    public async Task<string?> CreatedAsync(string reference, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(v => v.Reference == reference)?.Id;

    private async Task<List<OnTray>> ListAsync(CancellationToken cancellationToken)
    {
        var variants = new List<OnTray>();
        await foreach (var v in tray.ListAllAsync(tenantId, storeId, $"products/variants?product_id={Uri.EscapeDataString(trayProductId)}",
                           "Variants", "Variant", TrayPriority.PriceStockSync, cancellationToken))
            // The filter's semantics are not documented: keep only this product's variants.
            if (v.Id("product_id") == trayProductId && v.Id("id") is { } id)
                variants.Add(new(id, v.Text("reference") ?? "", v.List("Sku").Select(s => (s.Text("type") ?? "", s.Text("value") ?? "")).ToList()));
        return variants;
    }
}
