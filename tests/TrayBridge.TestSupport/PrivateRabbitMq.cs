using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace TrayBridge.TestSupport;

/// <summary>A RabbitMQ node of one test's own, with the management plugin (the tests make a vhost per system through it; the
/// hosts need no other plugin): its own node name, ports (AMQP, distribution, management, and an epmd of its own), data,
/// logs, config, plugins file and Erlang cookie, all under one temp folder. It runs as a child process of the test, which
/// may stop it (<c>rabbitmqctl -n node stop</c>) and start it again; the shared node is never touched.</summary>
public sealed class PrivateRabbitMq : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly string _node = $"tb{Guid.NewGuid():N}"[..14] + "@localhost";
    private readonly int _epmdPort = RepositoryLayout.FreePort();
    private Process? _process;

    private PrivateRabbitMq(string bin, string folder) => (_bin, _folder) = (bin, folder);

    public int Port { get; } = RepositoryLayout.FreePort();
    public int ManagementPort { get; } = RepositoryLayout.FreePort();
    private int DistributionPort { get; } = RepositoryLayout.FreePort();
    // rabbitmqctl's own node listens on the distribution port + 10000 by default, beyond 65535 for a high free port.
    private int CliDistributionPort { get; } = RepositoryLayout.FreePort();
    public Uri Amqp => new($"amqp://guest:guest@127.0.0.1:{Port}/");
    public Uri Management => new($"http://guest:guest@127.0.0.1:{ManagementPort}/");

    /// <summary>Debian's server scripts (<c>/usr/lib/rabbitmq/bin</c>: the <c>/usr/sbin</c> wrappers switch to the rabbitmq
    /// user and drop this node's environment), else those on PATH; null when RabbitMQ is not installed.</summary>
    public static string? FindBinaries() =>
        Commands.Find("rabbitmq-server", ["/usr/lib/rabbitmq/bin/rabbitmq-server"]) is { } server ? Path.GetDirectoryName(server) : null;

    public static async Task<PrivateRabbitMq> StartAsync(string bin)
    {
        var node = new PrivateRabbitMq(bin, Directory.CreateTempSubdirectory("traybridge-rabbitmq-").FullName);
        try
        {
            foreach (var dir in new[] { "home", "mnesia", "log" }) Directory.CreateDirectory(Path.Combine(node._folder, dir));
            await File.WriteAllTextAsync(Path.Combine(node._folder, "enabled_plugins"), "[rabbitmq_management].\n");
            // Management on loopback; a small disk limit so a nearly full test disk does not block publishers.
            await File.WriteAllTextAsync(Path.Combine(node._folder, "rabbitmq.conf"),
                $"management.tcp.port = {node.ManagementPort}\nmanagement.tcp.ip = 127.0.0.1\ndisk_free_limit.absolute = 50MB\n");
            await node.StartServerAsync();
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    private Dictionary<string, string> Environment => new()
    {
        ["HOME"] = Path.Combine(_folder, "home"), // its own .erlang.cookie, shared by the node and rabbitmqctl
        ["ERL_EPMD_PORT"] = _epmdPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RABBITMQ_NODENAME"] = _node,
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RABBITMQ_DIST_PORT"] = DistributionPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RABBITMQ_CTL_DIST_PORT_MIN"] = CliDistributionPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RABBITMQ_CTL_DIST_PORT_MAX"] = CliDistributionPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(_folder, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(_folder, "log"),
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(_folder, "rabbitmq.conf"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_folder, "enabled_plugins"),
    };

    /// <summary>Starts the node and waits until its management API answers (AMQP listens before it).</summary>
    public async Task StartServerAsync()
    {
        // Through a shell so the node writes to a file, not to pipes this process would have to drain.
        var start = new ProcessStartInfo("/bin/sh", ["-c", $"exec \"{Path.Combine(_bin, "rabbitmq-server")}\" >> \"{Path.Combine(_folder, "server.log")}\" 2>&1"])
            { WorkingDirectory = _folder };
        foreach (var (key, value) in Environment) start.Environment[key] = value;
        _process = Process.Start(start) ?? throw new InvalidOperationException("rabbitmq-server did not start.");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ManagementPort}/"), Timeout = TimeSpan.FromSeconds(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("guest:guest")));
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (_process.HasExited) throw new InvalidOperationException($"RabbitMQ node {_node} exited while starting:\n{LogTail}");
            try
            {
                if ((await http.GetAsync("api/overview")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"RabbitMQ node {_node} did not answer within 120 s:\n{LogTail}");
    }

    /// <summary>Stops the node as an operator does (<c>rabbitmqctl stop</c>: connections closed, durable queues kept).</summary>
    public async Task StopServerAsync()
    {
        await Commands.RunAsync(Path.Combine(_bin, "rabbitmqctl"), ["-n", _node, "stop"], Environment, timeout: TimeSpan.FromSeconds(90));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process!.WaitForExitAsync(cancel.Token);
    }

    public string LogTail => File.Exists(Path.Combine(_folder, "server.log"))
        ? string.Join('\n', File.ReadLines(Path.Combine(_folder, "server.log")).TakeLast(40)) : "";

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_process is { HasExited: false })
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            _process?.Dispose();
            // The node started an epmd of its own port (a daemon, outside the process tree): end that one only.
            if (Commands.Find("epmd", []) is { } epmd)
                try { await Commands.RunAsync(epmd, ["-port", _epmdPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-kill"], timeout: TimeSpan.FromSeconds(10)); }
                catch (InvalidOperationException) { } // none was running
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
