using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TrayBridge.ServiceDefaults;
using TrayBridge.TestSupport;
using TrayBridge.TraySimulator.Hosting;
using TrayBridge.TrayConnector.Extensions;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>A connector built exactly as its Program builds it, in-process, and the Tray simulator, both on one fake
/// clock: tests move time for both at once. Real PostgreSQL and RabbitMQ underneath; HTTP on loopback between them.</summary>
public sealed class ConnectorHarness : IAsyncDisposable
{
    public const string ConsumerKey = "harness-key";
    public const string ConsumerSecret = "harness-secret-0123456789";

    private ConnectorHarness(WebApplication connector, TraySimulatorHost simulator, IsolatedInfrastructure infrastructure, FakeTimeProvider clock,
        DevTokens tokens, string folder)
    {
        (Connector, Simulator, Infrastructure, Clock, Tokens, _folder) = (connector, simulator, infrastructure, clock, tokens, folder);
        ConnectorAddress = new Uri(connector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    private readonly string _folder;
    public WebApplication Connector { get; }
    public Uri ConnectorAddress { get; }
    public TraySimulatorHost Simulator { get; }
    public IsolatedInfrastructure Infrastructure { get; }
    public FakeTimeProvider Clock { get; }
    public DevTokens Tokens { get; }

    public static async Task<ConnectorHarness> StartAsync()
    {
        var infrastructure = await IsolatedInfrastructure.CreateAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var simulator = await TraySimulatorHost.StartAsync(clock);
        simulator.CreateApp(ConsumerKey, ConsumerSecret);
        var tokens = new DevTokens();
        var folder = Directory.CreateTempSubdirectory("traybridge-connector-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = folder, EnvironmentName = "Test" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(tokens.Settings.ToDictionary(s => s.Key.Replace("__", ":"), s => (string?)s.Value)
            .Concat(new Dictionary<string, string?>
            {
                ["ConnectionStrings:postgres"] = infrastructure.PostgresConnectionString,
                ["ConnectionStrings:rabbitmq"] = infrastructure.RabbitConnectionString,
                ["DataProtection:CertificatePath"] = Path.Combine(folder, "data-protection.pfx"),
                ["DataProtection:CreateCertificateIfMissing"] = "true",
                ["Tray:ConsumerKey"] = ConsumerKey,
                ["Tray:ConsumerSecret"] = ConsumerSecret,
                ["Tray:SimulatorHost"] = "127.0.0.1",
            }));
        builder.AddServiceDefaults("tray-connector");
        builder.AddTrayConnector();
        builder.Services.AddSingleton<TimeProvider>(clock);
        var app = builder.Build();
        app.UseServiceDefaults("/api/tray");
        app.MapTrayConnectorApi();
        await app.StartAsync();
        return new ConnectorHarness(app, simulator, infrastructure, clock, tokens, folder);
    }

    public HttpClient Client(string tenantId)
    {
        var client = new HttpClient { BaseAddress = ConnectorAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.For(tenantId));
        return client;
    }

    /// <summary>Services as one message or request of the connector sees them (its own scope).</summary>
    public AsyncServiceScope Scope() => Connector.Services.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await Connector.StopAsync();
        await Connector.DisposeAsync();
        await Simulator.DisposeAsync();
        await Infrastructure.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
