using System.Diagnostics;
using Npgsql;
using TrayBridge.TestSupport;

namespace TrayBridge.Bench;

/// <summary>What the pipeline itself can carry when Tray's budget is not the limit (budget off in the simulator and the
/// connector): a store's orders mirrored (listing and <c>/complete</c>), imported, and stored as sales orders, orders per
/// second from the store's registration to the last sales order. Beside it the same PostgreSQL's own limit for a
/// commit-bound load (pgbench TPS) and how much of it the pipeline used: commits per order (every commit of the system's
/// database over the scenario, background polls included) × orders/s ÷ TPS.</summary>
public static class PipelineCapacity
{
    public static async Task<(IReadOnlyList<BenchFigure> Figures, BenchStore Store)> MeasureAsync(BenchContext context, int orders)
    {
        context.Info($"Pipeline capacity: {orders} Tray orders mirrored → imported → sales orders, Tray's budget off…");
        // The system's idle rate first (due-work polls, relays): the part of the commits no order caused, shown beside.
        var idleFrom = await CommitsAsync(context.PostgresConnectionString);
        var idleClock = Stopwatch.StartNew();
        var commitsBefore = await CommitsAsync(context.PostgresConnectionString);
        var idlePerSecond = (commitsBefore - idleFrom) / idleClock.Elapsed.TotalSeconds;
        var clock = Stopwatch.StartNew();
        var store = await BenchStore.ConnectAsync(context.System, "tenant-pipeline", "700001", products: 40, orders);
        var mirroredIn = clock.Elapsed;
        var live = (await store.MirrorAsync()).Where(r => !r.GetProperty("cancelled").GetBoolean())
            .Select(r => r.GetProperty("trayOrderId").GetString()!).ToArray();
        await ImportThroughput.ImportAsync(store, live, expected: live.Length);
        var elapsed = clock.Elapsed;
        var commits = await CommitsAsync(context.PostgresConnectionString) - commitsBefore;
        var ordersPerSecond = live.Length / elapsed.TotalSeconds;
        var commitsPerOrder = commits / (double)live.Length;

        context.Info("pgbench on the same PostgreSQL…");
        var pgbench = await PgBench.MeasureAsync(context.Quick ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(20));
        return ([
            new BenchFigure("pipeline capacity, end to end (orders/s)", ordersPerSecond, "orders/s", new Dictionary<string, double>
            {
                ["seeded"] = orders, ["imported"] = live.Length, ["seconds"] = elapsed.TotalSeconds, ["mirroredSeconds"] = mirroredIn.TotalSeconds,
                ["importSeconds"] = (elapsed - mirroredIn).TotalSeconds, ["commits"] = commits, ["commitsPerOrder"] = commitsPerOrder,
                ["idleCommitsPerSecond"] = idlePerSecond,
                ["commitsPerOrderBeyondIdle"] = Math.Max(0, commits - idlePerSecond * elapsed.TotalSeconds) / live.Length,
            }),
            new BenchFigure("pgbench, same PostgreSQL (TPS)", pgbench.Tps, "tps", new Dictionary<string, double>
            {
                ["clients"] = pgbench.Clients, ["seconds"] = pgbench.Duration.TotalSeconds, ["transactions"] = pgbench.Transactions,
            }),
            new BenchFigure("pipeline share of PostgreSQL (commits/order × orders/s ÷ TPS)", commitsPerOrder * ordersPerSecond / pgbench.Tps, "ratio"),
        ], store);
    }

    /// <summary>Transactions committed in the database so far. The statistics reach pg_stat_database within about a second
    /// of each commit, so the reading waits that long first.</summary>
    private static async Task<long> CommitsAsync(string connectionString)
    {
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select pg_stat_clear_snapshot(); select xact_commit from pg_stat_database where datname = current_database()", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        return reader.GetInt64(0);
    }
}
