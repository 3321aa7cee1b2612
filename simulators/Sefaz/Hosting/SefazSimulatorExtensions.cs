using Microsoft.Extensions.Diagnostics.HealthChecks;
using TrayBridge.SefazSimulator.Admin;
using TrayBridge.SefazSimulator.Faults;
using TrayBridge.SefazSimulator.Ledger;
using TrayBridge.SefazSimulator.Processing;
using TrayBridge.SefazSimulator.Schemas;
using TrayBridge.SefazSimulator.Services;
using TrayBridge.SefazSimulator.Settings;
using TrayBridge.SefazSimulator.Soap;

namespace TrayBridge.SefazSimulator.Hosting;

public static class SefazSimulatorExtensions
{
    /// <summary>Everything the simulator needs; <paramref name="clock"/> is the system clock in a process, a test's fake one in-process.</summary>
    public static WebApplicationBuilder AddSefazSimulator(this WebApplicationBuilder builder, TimeProvider clock,
        Action<SefazSettings>? configure = null)
    {
        var settings = builder.Configuration.GetSection(SefazSettings.Section).Get<SefazSettings>() ?? new SefazSettings();
        configure?.Invoke(settings);
        var services = builder.Services;
        services.AddSingleton(new SimulatorClock(clock));
        services.AddSingleton(new SettingsHolder(settings));
        services.AddSingleton<SchemaCatalog>();
        services.AddSingleton<NoteLedger>();
        services.AddSingleton<NoteProcessor>();
        services.AddSingleton<LotQueue>();
        services.AddSingleton<FaultState>();
        services.AddSingleton<RequestLog>();
        services.AddSingleton<SimulatorAdmin>();
        services.AddSingleton<ISefazService, Autorizacao>();
        services.AddSingleton<ISefazService, RetAutorizacao>();
        services.AddSingleton<ISefazService, ConsultaProtocolo>();
        services.AddSingleton<ISefazService, StatusServico>();
        services.AddSingleton<ISefazService, Inutilizacao>();
        services.AddSingleton<ISefazService, RecepcaoEvento>();
        // Ready only once the schemas compile: a wrong SchemaFolder shows at start, not at the first NF-e.
        services.AddHealthChecks().AddCheck<SchemaHealthCheck>("schemas", tags: ["ready"]);
        // HTTPS endpoints (Kestrel:Endpoints:… in configuration) may demand a client certificate, as SEFAZ does; the A1's
        // ICP-Brasil chain is not checked here, any certificate is accepted and logged.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.AllowAnyClientCertificate()));
        return builder;
    }

    public static WebApplication MapSefazSimulator(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
        app.MapSoapServices();
        app.MapAdminApi();
        return app;
    }
}

/// <summary>The schemas of the package in force compile.</summary>
public sealed class SchemaHealthCheck(SchemaCatalog schemas) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            schemas.Warm();
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception e) when (e is IOException or System.Xml.Schema.XmlSchemaException or System.Xml.XmlException or InvalidOperationException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(e.Message));
        }
    }
}
