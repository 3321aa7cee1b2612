using System.Text.Json;
using TrayBridge.TestSupport;

namespace TrayBridge.Bench;

/// <summary><c>build.ps1 bench [orders] [--quick] [--out folder] [--skip scenario]…</c>: what a user would compare, measured on the whole system
/// on loopback against both simulators. NF-e notes per second on one core first (BenchmarkDotNet, nothing else running);
/// then a system with Tray's budget off (pipeline capacity beside pgbench, unthrottled stock changes, a 1,000-order NF-e
/// batch); then one at Tray's real budget (180 calls a minute per store: today's import, stock and NF-e figures with their
/// Tray calls, then 20 stores on 2 connector processes for 3 minutes). Every figure prints as a table and goes to
/// <c>results.json</c> with the machine; two charts go beside it. <c>--quick</c> runs every scenario small (the CI test).</summary>
public static class BenchRun
{
    public static async Task<int> RunAsync(string[] args, TextWriter? log = null, CancellationToken ct = default)
    {
        log ??= Console.Out;
        var quick = args.Contains("--quick");
        var outIndex = Array.IndexOf(args, "--out");
        var folder = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : Path.Combine(RepositoryLayout.Root, "artifacts", "bench");
        // The store's orders at budget: the first argument when it is a number (build.ps1 bench [orders]).
        var orders = args.Length > 0 && int.TryParse(args[0], out var n) ? n : quick ? 6 : 60;
        var sizes = quick ? Sizes.Quick(orders) : Sizes.Full(orders);
        // A shorter run on a busy machine: each figure's details say the sizes it was measured at.
        sizes = sizes with
        {
            PipelineOrders = Option(args, "--pipeline-orders") ?? sizes.PipelineOrders, BatchOrders = Option(args, "--batch") ?? sizes.BatchOrders,
            UnthrottledChanges = Option(args, "--changes") ?? sizes.UnthrottledChanges, MixStores = Option(args, "--stores") ?? sizes.MixStores,
            MixDuration = Option(args, "--minutes") is { } minutes ? TimeSpan.FromMinutes(minutes) : sizes.MixDuration,
        };
        // Scenarios left out of a full run (--skip unthrottled|screens|budget|one-store|nfe-core): re-measure one part on a busy day.
        var skip = args.Where((_, i) => i > 0 && args[i - 1] == "--skip").ToHashSet();
        Directory.CreateDirectory(folder);
        var figures = new FigureList(log);
        var latencies = new Dictionary<string, IReadOnlyList<double>>();
        IReadOnlyList<(string Store, double Share)> shares = [];

        // On one core with no system running, so the figure is the code's and not the neighbours'.
        log.WriteLine("NF-e build + sign + schema validation on one core (BenchmarkDotNet)…");
        if (!skip.Contains("nfe-core")) figures.Add(NfeOneCore.Measure(folder, quick));

        if (quick)
        {
            // Every scenario, small, on one system (its start is most of a quick run): a 10-second window of 60 calls is
            // more than the small unthrottled scenarios spend, and still a budget for the mix to measure against.
            log.WriteLine("Quick: one system, Tray's window 10 s of 60 calls per store…");
            var (window, perWindow) = (TimeSpan.FromSeconds(10), 60);
            await using var system = await TrayBridgeSystem.StartAsync(trayWindow: window, trayRequestsPerWindow: perWindow, withSefaz: true);
            var context = new BenchContext(system, folder, log, quick);
            await UnthrottledAsync(context, sizes, figures, latencies, skip, ct);
            shares = await AtBudgetAsync(context, sizes, window, perWindow, figures, latencies, skip, ct);
        }
        else
        {
            if (!skip.Contains("unthrottled") || !skip.Contains("screens"))
            {
                log.WriteLine("Starting TrayBridge with Tray's budget off in the simulator…");
                await using var system = await TrayBridgeSystem.StartAsync(trayRequestsPerWindow: Unthrottled, withSefaz: true);
                await UnthrottledAsync(new BenchContext(system, folder, log, quick), sizes, figures, latencies, skip, ct);
            }
            if (!skip.Contains("budget"))
            {
                log.WriteLine($"Starting TrayBridge at Tray's real budget (180 calls a minute per store); {orders} Tray orders…");
                await using var system = await TrayBridgeSystem.StartAsync(withSefaz: true);
                shares = await AtBudgetAsync(new BenchContext(system, folder, log, quick), sizes, TimeSpan.FromMinutes(1), 180, figures, latencies, skip, ct);
            }
        }
        if (latencies.Count > 0) Charts.LatencyDistribution(folder, latencies);
        if (shares.Count > 0) Charts.BudgetUse(folder, shares);

        log.WriteLine();
        foreach (var figure in figures) log.WriteLine(figure);
        var machine = Machine.Describe();
        log.WriteLine($"Machine: {machine}");
        await File.WriteAllTextAsync(Path.Combine(folder, "results.json"),
            JsonSerializer.Serialize(new { at = DateTimeOffset.UtcNow, quick, orders, machine, figures, budgetUse = shares.Select(s => new { store = s.Store, share = s.Share }) }, Json), ct);
        return 0;
    }

    /// <summary>Tray's budget off: the pipeline's own capacity beside pgbench, a stock change's way with no wait for budget,
    /// and one NF-e batch end to end with its numbers checked.</summary>
    private static async Task UnthrottledAsync(BenchContext context, Sizes sizes, FigureList figures, Dictionary<string, IReadOnlyList<double>> latencies,
        IReadOnlySet<string> skip, CancellationToken ct)
    {
        if (!skip.Contains("unthrottled")) await PipelineAndBatchAsync(context, sizes, figures, latencies);
        ct.ThrowIfCancellationRequested();
        if (!skip.Contains("screens")) figures.AddRange(await ScreensAtScale.RunAsync(context, context.Quick, ct));
    }

    private static async Task PipelineAndBatchAsync(BenchContext context, Sizes sizes, FigureList figures, Dictionary<string, IReadOnlyList<double>> latencies)
    {
        var (pipeline, store) = await PipelineCapacity.MeasureAsync(context, sizes.PipelineOrders);
        await using (store)
        {
            figures.AddRange(pipeline);
            var unthrottled = await StockSyncLatency.MeasureAsync(store, sizes.UnthrottledChanges, "stock change → Tray, unthrottled (ms)");
            figures.Add(unthrottled.Figure);
            latencies["sem limite da Tray"] = unthrottled.Latencies;
            context.Info("NF-e batch end to end…");
            figures.AddRange(await NfeThroughput.MeasureBatchAsync(store, sizes.BatchOrders));
        }
    }

    /// <summary>At Tray's budget: today's figures on one store (its import the whole way, the steady state, a stock change's
    /// way, an NF-e batch) with their Tray calls, then many stores on two connector processes.</summary>
    private static async Task<IReadOnlyList<(string Store, double Share)>> AtBudgetAsync(BenchContext context, Sizes sizes, TimeSpan window,
        int perWindow, FigureList figures, Dictionary<string, IReadOnlyList<double>> latencies, IReadOnlySet<string> skip, CancellationToken ct)
    {
        if (!skip.Contains("one-store"))
        await using (var store = await BenchStore.ConnectAsync(context.System, "tenant-bench", "600001", products: 20, sizes.BudgetStoreOrders))
        {
            // The import first: its whole-way count takes every call since the store was created on Tray.
            var (import, salesOrders) = await ImportThroughput.MeasureAsync(store);
            figures.Add(import);
            figures.Add(await ImportThroughput.MeasureSteadyAsync(store, sizes.SteadyOrders));
            var atBudget = await StockSyncLatency.MeasureAsync(store, sizes.AtBudgetChanges, "stock change → Tray (ms)");
            figures.Add(atBudget.Figure);
            figures.Add(atBudget.Export);
            latencies["no orçamento da Tray"] = atBudget.Latencies;
            figures.Add(await NfeThroughput.MeasureAsync(store, salesOrders));
            figures.AddRange(Cost.From(figures));
        }
        var budget = await BudgetUse.MeasureAsync(context, sizes.MixStores, sizes.MixDuration, window, perWindow, ct);
        figures.AddRange(budget.Figures);
        return budget.Shares;
    }

    private static int? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : null;

    private sealed record Sizes(int PipelineOrders, int UnthrottledChanges, int BatchOrders, int BudgetStoreOrders, int SteadyOrders, int AtBudgetChanges,
        int MixStores, TimeSpan MixDuration)
    {
        public static Sizes Full(int orders) => new(2000, 100, 1000, orders, 20, 40, 20, TimeSpan.FromMinutes(3));
        // The mix lasts whole windows: over a span of k windows a store can be admitted at most k × the window's calls.
        public static Sizes Quick(int orders) => new(12, 3, 5, orders, 2, 3, 3, TimeSpan.FromSeconds(20));
    }

    /// <summary>"Budget off": far more calls per window than any run makes, on both sides alike.</summary>
    private const int Unthrottled = 1_000_000;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { WriteIndented = true };
}
