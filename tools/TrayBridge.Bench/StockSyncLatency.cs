using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.TestSupport;

namespace TrayBridge.Bench;

/// <summary>A stock change saved in the ERP → the PUT reaching Tray (the simulator's own log time), one change at a time on
/// products that are idle, as a merchant's single edits are. The products' export first, with its Tray calls per product.</summary>
public static class StockSyncLatency
{
    private const int Products = 10;

    public static async Task<(BenchFigure Figure, List<double> Latencies, BenchFigure Export)> MeasureAsync(BenchStore store, int changes, string name)
    {
        var exportCalls = await store.TrayRequestCountAsync();
        var ids = new List<Guid>();
        for (var i = 1; i <= Products; i++)
        {
            var created = await store.Erp.PostAsJsonAsync("api/catalog/products", Body(i, stock: 10));
            ids.Add((await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }
        var export = await (await store.Erp.PostAsJsonAsync("api/catalog/exports", new { storeId = store.StoreId, productIds = ids }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        await Eventually.ReturnsAsync(() => store.Erp.GetFromJsonAsync<JsonElement>($"api/catalog/exports/{export.GetProperty("exportId").GetGuid()}"),
            e => e.GetProperty("exported").GetInt32() == Products, TimeSpan.FromMinutes(5), "the bench products exported");
        // The export's own calls (products, variants, stock, pictures): the store's polls meanwhile are not the export's.
        var exported = (await store.TrayRequestsAsync(exportCalls)).Count(c => !c.GetProperty("path").GetString()!.Contains("/orders"));
        var exportFigure = new BenchFigure("Tray calls per exported product", exported / (double)Products, "calls/product",
            new Dictionary<string, double> { ["products"] = Products, ["calls"] = exported });

        var latencies = new List<double>();
        for (var change = 0; change < changes; change++)
        {
            var product = change % Products;
            var before = await store.TrayRequestCountAsync();
            var saved = DateTimeOffset.UtcNow;
            (await store.Erp.PutAsJsonAsync($"api/catalog/products/{ids[product]}", Body(product + 1, stock: 11 + change))).EnsureSuccessStatusCode();
            var put = await Eventually.ReturnsAsync(() => store.TrayRequestsAsync(before),
                calls => calls.Any(IsProductPut), TimeSpan.FromSeconds(60), "the stock PUT on Tray");
            latencies.Add((put.First(IsProductPut).GetProperty("at").GetDateTimeOffset() - saved).TotalMilliseconds);
        }
        latencies.Sort();
        return (new BenchFigure(name, Percentile(latencies, 0.95), "ms p95", new Dictionary<string, double>
        {
            ["n"] = latencies.Count, ["p50"] = Percentile(latencies, 0.50), ["p95"] = Percentile(latencies, 0.95), ["p99"] = Percentile(latencies, 0.99),
            ["max"] = latencies[^1],
        }), latencies, exportFigure);
    }

    private static bool IsProductPut(JsonElement call) =>
        call.GetProperty("method").GetString() == "PUT" && call.GetProperty("path").GetString()!.Split('?')[0].Contains("/products/");

    private static object Body(int i, int stock) => new { sku = $"BENCH-{i:00}", name = $"Produto de bancada {i}", price = 49.90m, stock };

    /// <summary>Nearest rank on sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double share)
    {
        Debug.Assert(sorted.Count > 0);
        return sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
