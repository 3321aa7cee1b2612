using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using TrayBridge.TestSupport;

namespace TrayBridge.Bench;

/// <summary>pgbench's TPC-B-like load on the servers the system uses, in a scratch database of its own (initialized with
/// <c>pgbench -i</c>, dropped after): the machine's own commit rate, beside which the pipeline's is read.</summary>
public static partial class PgBench
{
    public sealed record Result(double Tps, int Clients, long Transactions, TimeSpan Duration);

    public static async Task<Result> MeasureAsync(TimeSpan duration)
    {
        var servers = await TestInfrastructure.RequireAsync();
        var admin = new NpgsqlConnectionStringBuilder(servers.PostgresAdmin);
        var database = $"tb_pgbench_{Guid.NewGuid():N}"[..24];
        await ExecuteAsync(servers.PostgresAdmin, $"create database {database}");
        try
        {
            // As many clients as a busy pipeline keeps connections committing: a few per core.
            var clients = Math.Max(4, 2 * Environment.ProcessorCount);
            // Scale 1 (100,000 accounts) without the initial vacuum: a fresh table needs none for a short run.
            await RunAsync(admin, database, "-i", "-q", "-s", "1", "-I", "dtgp");
            var output = await RunAsync(admin, database, "-c", clients.ToString(CultureInfo.InvariantCulture), "-j",
                Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), "-T", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture));
            var tps = double.Parse(Tps().Match(output) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("pgbench printed no tps: " + output),
                CultureInfo.InvariantCulture);
            var transactions = Transactions().Match(output) is { Success: true } t ? long.Parse(t.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            return new Result(tps, clients, transactions, duration);
        }
        finally
        {
            await ExecuteAsync(servers.PostgresAdmin, $"drop database if exists {database} with (force)");
        }
    }

    private static async Task<string> RunAsync(NpgsqlConnectionStringBuilder server, string database, params string[] args)
    {
        var start = new ProcessStartInfo(Executable(), args) { RedirectStandardOutput = true, RedirectStandardError = true };
        // libpq's own variables: the password never appears on a command line.
        start.Environment["PGHOST"] = server.Host;
        start.Environment["PGPORT"] = server.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = server.Username;
        start.Environment["PGPASSWORD"] = server.Password;
        start.Environment["PGDATABASE"] = database;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"pgbench {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}");
        return await stdout + await stderr;
    }

    /// <summary>pgbench on the PATH (Debian's wrapper), else the newest server's own.</summary>
    private static string Executable()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "pgbench")).FirstOrDefault(File.Exists);
        return onPath ?? Directory.EnumerateFiles("/usr/lib/postgresql", "pgbench", SearchOption.AllDirectories).Order().LastOrDefault()
            ?? throw new InvalidOperationException("pgbench is not installed (Debian: it comes with the postgresql server package).");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex(@"tps = ([0-9.]+)")]
    private static partial Regex Tps();

    [GeneratedRegex(@"number of transactions actually processed: ([0-9]+)")]
    private static partial Regex Transactions();
}
