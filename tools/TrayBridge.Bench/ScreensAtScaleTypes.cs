// Stand-ins for branch i12-bench's BenchFigure and BenchContext (same shapes), and a standalone entry point
// (`TrayBridge.Bench screens [--quick]`) to run the screens scenario alone. Delete this file when merging i12-bench.
using TrayBridge.TestSupport;

namespace TrayBridge.Bench;

public sealed record BenchFigure(string Name, double Value, string Unit, IReadOnlyDictionary<string, double>? Details = null)
{
    public override string ToString() =>
        $"{Name,-44} {Value,12:0.###} {Unit,-14} {string.Join("  ", (Details ?? new Dictionary<string, double>()).Select(d => $"{d.Key}={d.Value:0.###}"))}";
}

public sealed record BenchContext(TrayBridgeSystem System, string OutputDirectory, TextWriter Log, bool Quick)
{
    public string PostgresConnectionString => System.Infrastructure.PostgresConnectionString;

    public string RabbitConnectionString => System.Infrastructure.RabbitConnectionString;

    public HttpClient ErpClient(string tenant)
    {
        var client = System.Client(System.Gateway, tenant);
        client.Timeout = TimeSpan.FromMinutes(2);
        return client;
    }

    public void Info(string line) => Log.WriteLine($"[{DateTimeOffset.UtcNow:HH:mm:ss}] {line}");
}

public static class ScreensStandalone
{
    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        await using var system = await TrayBridgeSystem.StartAsync(withSefaz: true);
        var folder = Path.Combine(RepositoryLayout.Root, "artifacts", "bench");
        Directory.CreateDirectory(folder);
        var figures = await ScreensAtScale.RunAsync(new BenchContext(system, folder, Console.Out, quick), quick, CancellationToken.None);
        Console.WriteLine();
        foreach (var figure in figures) Console.WriteLine(figure);
        return 0;
    }
}
