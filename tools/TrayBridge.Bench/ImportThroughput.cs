using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.TestSupport;

namespace TrayBridge.Bench;

/// <summary>Every live mirrored order imported in one request → sales orders in the ERP, at Tray's real budget: orders per
/// minute, and Tray calls per order (the budget is what bounds a store's import) — the import's own, and the whole way
/// from the store's connection (registration, listings, the mirror's reads, the import, product reads). Then the steady
/// state: new orders placed on Tray, mirrored by the polls and imported, with every call of that time counted.</summary>
public static class ImportThroughput
{
    public static async Task<(BenchFigure Result, List<JsonElement> SalesOrders)> MeasureAsync(BenchStore store)
    {
        var live = (await store.MirrorAsync()).Where(r => !r.GetProperty("cancelled").GetBoolean())
            .Select(r => r.GetProperty("trayOrderId").GetString()!).ToArray();
        var calls = await store.TrayRequestCountAsync();
        var clock = Stopwatch.StartNew();
        var imported = await ImportAsync(store, live, expected: live.Length);
        var elapsed = clock.Elapsed;
        var total = await store.TrayRequestCountAsync();
        return (new BenchFigure("order import (orders/min)", live.Length / elapsed.TotalMinutes, "orders/min", new Dictionary<string, double>
        {
            ["orders"] = live.Length, ["seconds"] = elapsed.TotalSeconds,
            ["trayCallsPerOrder"] = (total - calls) / (double)live.Length,
            // Since the store was created on Tray: run before any other measure, so every call is the import's way.
            ["trayCallsPerOrderWholeWay"] = total / (double)live.Length,
        }), imported);
    }

    public static async Task<BenchFigure> MeasureSteadyAsync(BenchStore store, int orders)
    {
        var before = (await store.SalesOrdersAsync()).Count;
        var calls = await store.TrayRequestCountAsync();
        var clock = Stopwatch.StartNew();
        var ids = new List<string>();
        for (var i = 0; i < orders; i++)
        {
            var created = await (await store.Tray.PostAsJsonAsync($"admin/stores/{store.StoreId}/orders", new { }))
                .Content.ReadFromJsonAsync<JsonElement>();
            ids.Add(created.GetProperty("id").GetString()!);
        }
        await Eventually.ReturnsAsync(store.MirrorAsync, rows => ids.All(id => rows.Any(r => r.GetProperty("trayOrderId").GetString() == id
            && r.GetProperty("complete").GetBoolean())), TimeSpan.FromMinutes(5), $"{orders} new orders mirrored");
        await ImportAsync(store, [.. ids], expected: before + orders);
        var elapsed = clock.Elapsed;
        var since = await store.TrayRequestsAsync(calls);
        return new BenchFigure("order import, steady (calls/order)", since.Count / (double)orders, "calls/order", new Dictionary<string, double>
        {
            ["orders"] = orders,
            ["listingCalls"] = since.Count(r => r.GetProperty("path").GetString()!.Split('?')[0].EndsWith("/orders")),
            ["seconds"] = elapsed.TotalSeconds,
        });
    }

    public static async Task<List<JsonElement>> ImportAsync(BenchStore store, string[] ids, int expected)
    {
        // An import request takes at most 500 orders: more go in several, posted at once, as the panel's selection would.
        foreach (var chunk in ids.Chunk(500))
            (await store.Erp.PostAsJsonAsync("api/tray/orders/import", new { storeId = store.StoreId, trayOrderIds = chunk })).EnsureSuccessStatusCode();
        await Eventually.ReturnsAsync(store.SalesOrderCountAsync, count => count >= expected, TimeSpan.FromMinutes(15), $"{expected} sales orders");
        return await store.SalesOrdersAsync();
    }
}
