using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.TestSupport;

namespace TrayBridge.Bench;

/// <summary>Every live mirrored order imported in one request → sales orders in the ERP, at Tray's real budget: orders per
/// minute, and Tray calls per order (the budget is what bounds a store's import).</summary>
public static class ImportThroughput
{
    public static async Task<(BenchResult Result, List<JsonElement> SalesOrders)> MeasureAsync(BenchStore store)
    {
        var live = (await store.MirrorAsync()).Where(r => !r.GetProperty("cancelled").GetBoolean())
            .Select(r => r.GetProperty("trayOrderId").GetString()!).ToArray();
        var calls = await store.TrayRequestCountAsync();
        var clock = Stopwatch.StartNew();
        (await store.Erp.PostAsJsonAsync("api/tray/orders/import", new { storeId = store.StoreId, trayOrderIds = live })).EnsureSuccessStatusCode();
        var imported = await Eventually.ReturnsAsync(store.SalesOrdersAsync, orders => orders.Count == live.Length, TimeSpan.FromMinutes(15),
            $"{live.Length} sales orders");
        var elapsed = clock.Elapsed;
        var perOrder = (await store.TrayRequestCountAsync() - calls) / (double)live.Length;
        return (new BenchResult("order import (orders/min)", live.Length, new Dictionary<string, double>
        {
            ["rate"] = live.Length / elapsed.TotalMinutes, ["seconds"] = elapsed.TotalSeconds, ["trayCallsPerOrder"] = perOrder,
        }), imported);
    }
}
