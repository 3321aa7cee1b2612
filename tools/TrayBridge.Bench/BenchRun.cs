using System.Text.Json;
using TrayBridge.TestSupport;

namespace TrayBridge.Bench;

/// <summary><c>build.ps1 bench</c>: the whole system on loopback against both simulators with Tray's real budget (180
/// calls a minute per store), measured as a merchant lives it: a stock change's way to Tray (latency percentiles), order
/// import and NF-e issuing (throughput). Results print as a table and go to <c>artifacts/bench/results.json</c>.</summary>
public static class BenchRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var orders = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 60;
        Console.WriteLine($"Starting TrayBridge (Tray's real budget, SEFAZ simulator); {orders} Tray orders…");
        await using var system = await TrayBridgeSystem.StartAsync(withSefaz: true);
        await using var store = await BenchStore.ConnectAsync(system, "tenant-bench", "600001", products: 20, orders);

        // The import first: its whole-way count takes every call since the store was created on Tray.
        var (import, salesOrders) = await ImportThroughput.MeasureAsync(store);
        var results = new List<BenchResult>
        {
            import,
            await ImportThroughput.MeasureSteadyAsync(store, orders: 20),
            await StockSyncLatency.MeasureAsync(store, changes: 40),
        };
        results.Add(await NfeThroughput.MeasureAsync(store, salesOrders));

        Console.WriteLine();
        foreach (var result in results) Console.WriteLine(result);
        var folder = Path.Combine(RepositoryLayout.Root, "artifacts", "bench");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "results.json"),
            JsonSerializer.Serialize(new { at = DateTimeOffset.UtcNow, orders, results }, new JsonSerializerOptions(JsonSerializerOptions.Web) { WriteIndented = true }));
        return 0;
    }
}

/// <summary>One figure: what was measured, over how many samples, and its values by name (ms, or items per minute).</summary>
public sealed record BenchResult(string Name, int Samples, IReadOnlyDictionary<string, double> Values)
{
    public override string ToString() =>
        $"{Name,-34} n={Samples,-4} {string.Join("  ", Values.Select(v => $"{v.Key}={v.Value:0.#}"))}";
}
