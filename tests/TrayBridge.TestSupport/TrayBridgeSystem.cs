using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace TrayBridge.TestSupport;

/// <summary>A running TrayBridge: the chosen hosts as processes on loopback over a database and vhost of their own,
/// sharing signing keys, each writing its spans and its whole output to files of its own.</summary>
public sealed class TrayBridgeSystem : IAsyncDisposable
{
    private readonly Dictionary<string, HostProcess> _hosts = new();

    private TrayBridgeSystem(IsolatedInfrastructure infrastructure, string spanDirectory) =>
        (Infrastructure, SpanDirectory) = (infrastructure, spanDirectory);

    /// <summary>The Tray app credentials the connector is configured with (register the same ones on a simulator).</summary>
    public static class TrayApp
    {
        public const string ConsumerKey = "test-consumer-key";
        public const string ConsumerSecret = "test-consumer-secret-0123456789";
    }

    public IsolatedInfrastructure Infrastructure { get; }
    public DevTokens Tokens { get; } = new();
    public string SpanDirectory { get; }

    public HostProcess Catalog => _hosts["catalog"];
    public HostProcess Orders => _hosts["orders"];
    public HostProcess Invoicing => _hosts["invoicing"];
    public HostProcess TrayConnector => _hosts["tray-connector"];
    public HostProcess Gateway => _hosts["gateway"];
    public HostProcess TraySimulator => _hosts["tray-simulator"];
    /// <summary>Started only when asked for (<c>withSefaz</c>): most systems never issue an NF-e.</summary>
    public HostProcess SefazSimulator => _hosts["sefaz-simulator"];
    public IReadOnlyCollection<HostProcess> Hosts => _hosts.Values;

    /// <summary>Starts the Tray simulator, the four services and the gateway, ready on <c>/health/ready</c>. Tray's per-window
    /// budget defaults to the real one (180 a minute); a test that moves many products shortens it on both sides alike.</summary>
    public static async Task<TrayBridgeSystem> StartAsync(TimeSpan? trayWindow = null, int trayRequestsPerWindow = 180, bool withSefaz = false)
    {
        var window = trayWindow ?? TimeSpan.FromMinutes(1);
        // Spans, and the connector's Data Protection certificate, live in this run's own folder.
        var spans = Directory.CreateTempSubdirectory("traybridge-run-").FullName;
        var system = new TrayBridgeSystem(await IsolatedInfrastructure.CreateAsync(), spans);
        try
        {
            var catalog = system.Add("catalog", "services/Catalog", "TrayBridge.Catalog");
            system.Add("orders", "services/Orders", "TrayBridge.Orders");
            var invoicing = system.Add("invoicing", "services/Invoicing", "TrayBridge.Invoicing", new Dictionary<string, string>
            {
                ["DataProtection__CertificatePath"] = Path.Combine(spans, "invoicing-data-protection.pfx"),
                ["DataProtection__CreateCertificateIfMissing"] = "true",
            });
            system._connectorSettings = system.Add("tray-connector", "services/TrayConnector", "TrayBridge.TrayConnector", new Dictionary<string, string>
            {
                ["Tray__Orders__PollInterval"] = "00:00:05",
                ["DataProtection__CertificatePath"] = Path.Combine(spans, "data-protection.pfx"),
                ["DataProtection__CreateCertificateIfMissing"] = "true",
                ["Tray__ConsumerKey"] = TrayApp.ConsumerKey,
                ["Tray__ConsumerSecret"] = TrayApp.ConsumerSecret,
                ["Tray__SimulatorHost"] = "127.0.0.1",
                ["Tray__Budget__Window"] = window.ToString(),
                ["Tray__Budget__RequestsPerWindow"] = trayRequestsPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            system.Add("tray-simulator", "simulators/Tray", "TrayBridge.TraySimulator", new Dictionary<string, string>
            {
                ["TraySimulator__RateLimitWindow"] = window.ToString(),
                ["TraySimulator__PerMinuteLimit"] = trayRequestsPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            if (withSefaz)
                system.Add("sefaz-simulator", "simulators/Sefaz", "TrayBridge.SefazSimulator", new Dictionary<string, string>
                {
                    ["SefazSimulator__SchemaFolder"] = Path.GetFullPath(Path.Combine(RepositoryLayout.Root, "..", "shared", "nfe-schemas")),
                });
            var routes = system._hosts.Where(h => h.Key is not ("tray-simulator" or "sefaz-simulator")).ToDictionary(
                h => $"ReverseProxy__Clusters__{h.Key}__Destinations__primary__Address", h => h.Value.BaseAddress.ToString());
            system.Add("gateway", "gateway", "TrayBridge.Gateway", routes);
            // Picture URLs the Catalog sends to Tray start with the gateway's address: its port is chosen already, and a
            // host reads its settings when it starts.
            catalog["Catalog__PublicBaseUrl"] = system.Gateway.BaseAddress.ToString();
            invoicing["Invoicing__PublicBaseUrl"] = system.Gateway.BaseAddress.ToString();
            // Services first (in parallel), then the gateway that routes to them.
            await Task.WhenAll(system._hosts.Values.Where(h => h.Name != "gateway").Select(h => h.StartAsync()));
            await system.CreateTrayAppAsync();
            await system.Gateway.StartAsync();
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    private Dictionary<string, string> Add(string name, string project, string assembly, IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>(Tokens.Settings)
        {
            ["ConnectionStrings__postgres"] = Infrastructure.PostgresConnectionString,
            ["ConnectionStrings__rabbitmq"] = Infrastructure.RabbitConnectionString,
            ["Telemetry__SpanFile"] = SpanFile(name),
            ["DueWork__PollInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) settings[key] = value;
        _hosts[name] = new HostProcess(name, project, assembly, settings, LogFile(name));
        return settings;
    }

    private Dictionary<string, string> _connectorSettings = [];

    /// <summary>A second connector process on the same database, vhost and certificate: another replica of the cluster.</summary>
    public async Task<HostProcess> StartConnectorReplicaAsync()
    {
        var name = $"tray-connector-{_hosts.Count(h => h.Key.StartsWith("tray-connector", StringComparison.Ordinal)) + 1}";
        var settings = new Dictionary<string, string>(_connectorSettings) { ["Telemetry__SpanFile"] = SpanFile(name) };
        var replica = _hosts[name] = new HostProcess(name, "services/TrayConnector", "TrayBridge.TrayConnector", settings, LogFile(name));
        await replica.StartAsync();
        return replica;
    }

    private async Task CreateTrayAppAsync()
    {
        using var simulator = Client(TraySimulator);
        var response = await simulator.PostAsJsonAsync("admin/apps", new { consumerKey = TrayApp.ConsumerKey, consumerSecret = TrayApp.ConsumerSecret });
        response.EnsureSuccessStatusCode();
    }

    public string SpanFile(string hostName) => Path.Combine(SpanDirectory, hostName + ".jsonl");

    /// <summary>Everything the host wrote to stdout and stderr, across restarts.</summary>
    public string LogFile(string hostName) => Path.Combine(SpanDirectory, hostName + ".log");

    /// <summary>An HTTP client for a host, authenticated as a user of <paramref name="tenantId"/> (or anonymous).</summary>
    public HttpClient Client(HostProcess host, string? tenantId = null)
    {
        var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (tenantId is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(tenantId));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts.Values) await host.DisposeAsync();
        await Infrastructure.DisposeAsync();
        Directory.Delete(SpanDirectory, recursive: true);
    }
}
