using System.Text.Json;
using TrayBridge.TestSupport;

namespace TrayBridge.Bench.Tests;

/// <summary><c>build.ps1 bench --quick</c> as CI runs it, so the benchmark cannot rot: every scenario small, then every figure
/// present and functionally sane. Bounds are what must hold on any machine (counts add up, percentiles in order, notes
/// numbered without a gap, no 429 from Tray, a store never above its budget), never a speed.</summary>
public sealed class QuickBenchTests
{
    private static readonly string[] Expected =
    [
        "NF-e built + signed + schema-validated, one core (notes/s)",
        "pipeline capacity, end to end (orders/s)", "pgbench, same PostgreSQL (TPS)", "pipeline share of PostgreSQL (commits/order × orders/s ÷ TPS)",
        "stock change → Tray, unthrottled (ms)", "NF-e batch of 5, end to end (notes/min)", "NF-e batch of 5, numbers missing",
        "order import (orders/min)", "order import, steady (calls/order)", "stock change → Tray (ms)", "Tray calls per exported product",
        "NF-e batch (notes/min)", "Tray calls per imported order, first import", "Tray calls per imported order, steady state", "Tray calls per invoice",
        "budget use per store, min (achieved ÷ allowed)", "budget use per store, median (achieved ÷ allowed)", "Tray 429 answers during the budget mix",
        "screens: lists with a bounded page",
    ];

    [Fact]
    public async Task The_quick_benchmark_reports_every_figure_sane()
    {
        await TestInfrastructure.RequireAsync();
        var folder = Directory.CreateTempSubdirectory("traybridge-bench-").FullName;
        using var log = new StringWriter();
        try
        {
            Assert.Equal(0, await BenchRun.RunAsync(["--quick", "--out", folder], log, TestContext.Current.CancellationToken));

            using var results = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "results.json"), TestContext.Current.CancellationToken));
            var root = results.RootElement;
            Assert.True(root.GetProperty("quick").GetBoolean());
            var machine = root.GetProperty("machine");
            Assert.Equal(Environment.ProcessorCount, machine.GetProperty("cores").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(machine.GetProperty("cpu").GetString()));
            Assert.True(machine.GetProperty("memoryGiB").GetDouble() > 0);
            Assert.False(string.IsNullOrWhiteSpace(machine.GetProperty("commit").GetString()));

            var figures = root.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
            Assert.Empty(Expected.Except(figures.Keys));
            foreach (var figure in figures.Values)
            {
                var value = figure.GetProperty("value").GetDouble();
                Assert.True(double.IsFinite(value) && value >= 0, $"{figure.GetProperty("name")}: {value}");
                Assert.False(string.IsNullOrWhiteSpace(figure.GetProperty("unit").GetString()));
            }
            double Value(string name) => figures[name].GetProperty("value").GetDouble();
            double Detail(string name, string key) => figures[name].GetProperty("details").GetProperty(key).GetDouble();

            Assert.True(Value("NF-e built + signed + schema-validated, one core (notes/s)") > 0);
            // The pipeline: every live seeded order imported, each costing commits; pgbench measured something.
            Assert.InRange(Detail("pipeline capacity, end to end (orders/s)", "imported"), 1, 12);
            Assert.True(Value("pipeline capacity, end to end (orders/s)") > 0 && Detail("pipeline capacity, end to end (orders/s)", "commitsPerOrder") > 0);
            Assert.True(Value("pgbench, same PostgreSQL (TPS)") > 0 && Value("pipeline share of PostgreSQL (commits/order × orders/s ÷ TPS)") > 0);
            foreach (var (name, changes) in new[] { ("stock change → Tray, unthrottled (ms)", 3), ("stock change → Tray (ms)", 3) })
            {
                Assert.Equal(changes, Detail(name, "n"));
                Assert.True(0 < Detail(name, "p50") && Detail(name, "p50") <= Detail(name, "p95") && Detail(name, "p95") <= Detail(name, "p99")
                    && Detail(name, "p99") <= Detail(name, "max"), name);
            }
            // The batch: every order authorized and on Tray, numbered consecutively, each number once.
            Assert.Equal(5, Detail("NF-e batch of 5, end to end (notes/min)", "authorized"));
            Assert.Equal(0, Value("NF-e batch of 5, numbers missing"));
            Assert.Equal(5, Detail("NF-e batch of 5, numbers missing", "notes"));
            Assert.Equal(0, Detail("NF-e batch of 5, numbers missing", "repeated"));
            // Costs: an import reads at least nothing more than the whole way; an exported product and an invoice each call Tray.
            Assert.True(Value("Tray calls per imported order, first import") >= Detail("Tray calls per imported order, first import", "importOwn"));
            Assert.True(Value("Tray calls per imported order, steady state") > 0);
            Assert.True(Value("Tray calls per exported product") >= 1);
            Assert.InRange(Value("Tray calls per invoice"), 1, 6);
            // Budget: every store called Tray, none above what its budget allows (slack: the readings do not fall on the window's
            // edges), the driver saw no error, Tray answered no 429.
            var min = Value("budget use per store, min (achieved ÷ allowed)");
            Assert.True(min > 0 && min <= Value("budget use per store, median (achieved ÷ allowed)"));
            Assert.True(Detail("budget use per store, min (achieved ÷ allowed)", "max") <= 1.1, "a store was admitted more calls than its budget");
            Assert.Equal(0, Detail("budget use per store, min (achieved ÷ allowed)", "driverErrors"));
            Assert.Equal(0, Value("Tray 429 answers during the budget mix"));
            Assert.Equal(3, root.GetProperty("budgetUse").GetArrayLength());
            // Screens at scale, small: every list behind the panel answered (p95 figures present) and bounds its page.
            Assert.Contains(figures.Keys, name => name.StartsWith("screens: ", StringComparison.Ordinal) && name != "screens: lists with a bounded page");
            Assert.Equal(Detail("screens: lists with a bounded page", "checked"), Value("screens: lists with a bounded page"));

            foreach (var chart in new[] { "stock-latency.png", "budget-use.png" })
            {
                var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, chart), TestContext.Current.CancellationToken);
                Assert.True(bytes.Length > 5_000 && bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), chart);
            }
        }
        finally
        {
            TestContext.Current.TestOutputHelper?.WriteLine(log.ToString());
            Directory.Delete(folder, recursive: true);
        }
    }
}
