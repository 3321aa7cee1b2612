using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrayBridge.ServiceDefaults;
using TrayBridge.TestSupport;
using TrayBridge.TraySimulator.Hosting;
using TrayBridge.TrayConnector.Extensions;
using TrayBridge.Simulators;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>A connector built exactly as its Program builds it, in-process, and the Tray simulator, both on one movable
/// clock: tests move time for both at once, while delays and timers still run in real time (the budget paces calls).
/// Real PostgreSQL and RabbitMQ underneath; HTTP on loopback between them.</summary>
public sealed class ConnectorHarness : IAsyncDisposable
{
    public const string ConsumerKey = "harness-key";
    public const string ConsumerSecret = "harness-secret-0123456789";

    private ConnectorHarness(WebApplication connector, TraySimulatorHost simulator, IsolatedInfrastructure infrastructure, SimulatorClock clock,
        DevTokens tokens, string folder, Dictionary<string, string?> settings)
    {
        (Connector, Simulator, Infrastructure, Clock, Tokens, _folder, _settings) = (connector, simulator, infrastructure, clock, tokens, folder, settings);
        ConnectorAddress = new Uri(connector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    private readonly string _folder;
    private readonly Dictionary<string, string?> _settings;
    private readonly List<HostProcess> _replicas = [];
    public WebApplication Connector { get; }
    public Uri ConnectorAddress { get; }
    public TraySimulatorHost Simulator { get; }
    public IsolatedInfrastructure Infrastructure { get; }
    public SimulatorClock Clock { get; }
    public DevTokens Tokens { get; }

    /// <summary>Budgets default to Tray's; <paramref name="window"/> and <paramref name="perWindow"/> shorten them on both sides alike.</summary>
    public static async Task<ConnectorHarness> StartAsync(TimeSpan? window = null, int perWindow = 180, string scope = "PerStore",
        double headroom = 0.9, IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        var infrastructure = await IsolatedInfrastructure.CreateAsync();
        var clock = new SimulatorClock(TimeProvider.System);
        var simulator = await TraySimulatorHost.StartAsync(clock, configure: settings =>
        {
            settings.RateLimitWindow = window ?? TimeSpan.FromMinutes(1);
            settings.PerMinuteLimit = perWindow;
            settings.RateLimitScope = Enum.Parse<TraySimulator.Settings.RateLimitScope>(scope);
        });
        simulator.CreateApp(ConsumerKey, ConsumerSecret);
        var tokens = new DevTokens();
        var folder = Directory.CreateTempSubdirectory("traybridge-connector-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = folder, EnvironmentName = "Test" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var settings = tokens.Settings.ToDictionary(s => s.Key.Replace("__", ":"), s => (string?)s.Value)
            .Concat(new Dictionary<string, string?>
            {
                ["ConnectionStrings:postgres"] = infrastructure.PostgresConnectionString,
                ["ConnectionStrings:rabbitmq"] = infrastructure.RabbitConnectionString,
                ["DataProtection:CertificatePath"] = Path.Combine(folder, "data-protection.pfx"),
                ["DataProtection:CreateCertificateIfMissing"] = "true",
                ["Tray:ConsumerKey"] = ConsumerKey,
                ["Tray:ConsumerSecret"] = ConsumerSecret,
                ["Tray:SimulatorHost"] = "127.0.0.1",
                ["Tray:Budget:Window"] = (window ?? TimeSpan.FromMinutes(1)).ToString(),
                ["Tray:Budget:RequestsPerWindow"] = perWindow.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Tray:Budget:Scope"] = scope,
                ["Tray:Budget:Headroom"] = headroom.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }).Concat(extraSettings ?? new Dictionary<string, string?>()).ToDictionary();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults("tray-connector");
        builder.AddTrayConnector();
        builder.Services.AddSingleton<TimeProvider>(clock);
        var app = builder.Build();
        app.UseServiceDefaults("/api/tray");
        app.MapTrayConnectorApi();
        await app.StartAsync();
        return new ConnectorHarness(app, simulator, infrastructure, clock, tokens, folder, settings);
    }

    public HttpClient Client(string tenantId, Uri? connector = null)
    {
        var client = new HttpClient { BaseAddress = connector ?? ConnectorAddress, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.For(tenantId));
        return client;
    }

    /// <summary>Another connector, as a separate OS process with the same configuration (database, vhost, certificate,
    /// budgets): what a second replica in a cluster is.</summary>
    public async Task<HostProcess> StartReplicaAsync(IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        var settings = _settings.ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value ?? "");
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string>()) settings[key] = value;
        var replica = new HostProcess($"tray-connector-{_replicas.Count + 2}", "services/TrayConnector", "TrayBridge.TrayConnector", settings);
        _replicas.Add(replica);
        await replica.StartAsync();
        return replica;
    }

    /// <summary>Services as one message or request of the connector sees them (its own scope).</summary>
    public AsyncServiceScope Scope() => Connector.Services.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in _replicas) await replica.DisposeAsync();
        await Connector.StopAsync();
        await Connector.DisposeAsync();
        await Simulator.DisposeAsync();
        await Infrastructure.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
