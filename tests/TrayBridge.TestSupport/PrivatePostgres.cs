using System.Globalization;

namespace TrayBridge.TestSupport;

/// <summary>A PostgreSQL server of one test's own (its own data folder under the temp directory, a free loopback port),
/// which the test may stop and start again: the shared server other tests use is never touched. initdb refuses root, so
/// as root the tools run as the <c>postgres</c> user (<c>runuser</c>).</summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private const string Password = "postgres";
    private readonly string _bin;
    private readonly string _folder;

    private PrivatePostgres(string bin, string folder) => (_bin, _folder) = (bin, folder);

    public int Port { get; } = RepositoryLayout.FreePort();
    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Password={Password};Database=postgres";
    private string Data => Path.Combine(_folder, "data");

    /// <summary>Where PostgreSQL's server programs are (Debian's <c>/usr/lib/postgresql/N/bin</c>, newest first), or null.</summary>
    public static string? FindBinaries()
    {
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin", "initdb"))
            : [];
        return Commands.Find("initdb", debian) is { } initdb ? Path.GetDirectoryName(initdb) : null;
    }

    public static async Task<PrivatePostgres> StartAsync(string bin)
    {
        var server = new PrivatePostgres(bin, Directory.CreateTempSubdirectory("traybridge-pg-").FullName);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(server._folder, "password"), Password);
            if (Commands.IsRoot) await Commands.RunAsync("chown", ["-R", "postgres:postgres", server._folder]);
            await server.PgAsync("initdb", ["-D", server.Data, "-U", "postgres", "--pwfile", Path.Combine(server._folder, "password"),
                "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"], TimeSpan.FromSeconds(120));
            // Loopback only, its socket in its own folder; fsync off (a restart here is a clean stop or a killed server, never
            // a lost machine); enough connections for a system of seven hosts with a pool each.
            await File.AppendAllTextAsync(Path.Combine(server.Data, "postgresql.conf"), string.Create(CultureInfo.InvariantCulture, $"""

                port = {server.Port}
                listen_addresses = '127.0.0.1'
                unix_socket_directories = '{server._folder}'
                max_connections = 200
                shared_buffers = 32MB
                fsync = off
                full_page_writes = off
                """));
            await server.StartServerAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public Task StartServerAsync() =>
        PgAsync("pg_ctl", ["-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "start"], TimeSpan.FromSeconds(90));

    /// <summary>Stops the server: <c>fast</c> ends every session and shuts down cleanly (what an operator's restart does),
    /// <c>immediate</c> is a crash (recovery from the WAL at the next start).</summary>
    public Task StopServerAsync(string mode = "fast") => PgAsync("pg_ctl", ["-D", Data, "-m", mode, "-w", "-t", "60", "stop"], TimeSpan.FromSeconds(90));

    private Task<string> PgAsync(string tool, IEnumerable<string> arguments, TimeSpan timeout) =>
        Commands.RunAsync(Path.Combine(_bin, tool), arguments, asUser: "postgres", timeout: timeout, workingDirectory: _folder);

    /// <summary>The server's own log, for a failure message.</summary>
    public string LogTail => File.Exists(Path.Combine(_folder, "server.log"))
        ? string.Join('\n', File.ReadLines(Path.Combine(_folder, "server.log")).TakeLast(40)) : "";

    public async ValueTask DisposeAsync()
    {
        var pidFile = Path.Combine(Data, "postmaster.pid");
        try
        {
            if (File.Exists(pidFile)) await StopServerAsync("immediate");
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // pg_ctl could not stop it: the postmaster (first line of its pid file) is this fixture's own process to end.
            if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid))
                try { System.Diagnostics.Process.GetProcessById(pid).Kill(entireProcessTree: true); } catch (ArgumentException) { }
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
