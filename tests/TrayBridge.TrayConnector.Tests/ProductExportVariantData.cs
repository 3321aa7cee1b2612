using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrayBridge.Contracts.Catalog;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>Snapshots of products with variations, and Tray's view of a product's variants, for the variant export tests.</summary>
internal static class ProductExportVariantData
{
    public const string Tenant = "tenant-variants";

    public static ProductVariationSnapshot Variation(Guid id, string sku, string color, string size, decimal price = 80m, decimal stock = 3) =>
        new(id, sku, [color, size], price, stock) { CostPrice = 30m };

    public static ProductExportRequested Tshirt(string store, Guid productId, string sku, long version, params ProductVariationSnapshot[] variations) =>
        new(Tenant, store, Guid.NewGuid(), productId, version, sku, $"Camiseta {sku}", 80m, variations.Sum(v => v.Stock), DateTimeOffset.UtcNow)
        {
            WeightGrams = 300, LengthCm = 30, WidthCm = 20, HeightCm = 3, VariationAxes = ["Cor", "Tamanho"], Variations = variations,
            PromotionStart = new DateOnly(2026, 1, 1), PromotionEnd = new DateOnly(2026, 12, 31),
        };

    /// <summary>The variants Tray holds for one product, as any Tray client reads them.</summary>
    public static async Task<List<JsonElement>> VariantsAsync(this ConnectorHarness harness, string store, string trayProductId)
    {
        await using var scope = harness.Scope();
        var found = new List<JsonElement>();
        await foreach (var v in scope.ServiceProvider.GetRequiredService<TrayApiClient>()
                           .ListAllAsync(Tenant, store, "products/variants", "Variants", "Variant", TrayPriority.Polling, TestContext.Current.CancellationToken))
            if (v.GetProperty("product_id").GetString() == trayProductId) found.Add(v);
        return found;
    }

    public static string Id(this JsonElement variant) => variant.GetProperty("id").GetString()!;

    public static string Field(this JsonElement variant, string name) => variant.GetProperty(name).GetString()!;
}
