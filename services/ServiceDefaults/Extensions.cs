using Marten;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Health;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Messaging;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Retention;
using TrayBridge.ServiceDefaults.Security;
using TrayBridge.ServiceDefaults.Telemetry;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.ServiceDefaults;

public static class Extensions
{
    /// <summary>What every host has: telemetry, health endpoints, JWT validation, tenant context, ProblemDetails, OpenAPI, a clock.</summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName, params string[] extraTraceSources)
    {
        builder.ConfigureOpenTelemetry(serviceName, extraTraceSources);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddTrayBridgeAuthentication(builder.Configuration);
        builder.Services.AddScoped<TenantContext>();
        builder.AddRequestBodyLimit();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>What every service (not the gateway) has on top: Marten in its own schema with the relay, MassTransit
    /// on RabbitMQ, due work, retention of what would otherwise grow forever, readiness on PostgreSQL, the bus and the relay's lag, and the signed public links (their key,
    /// <c>Auth:UrlSigningKey</c>, is the services' alone: the gateway never reads it).</summary>
    public static WebApplicationBuilder AddServicePlatform(this WebApplicationBuilder builder, string serviceName, ServiceStore store,
        Action<StoreOptions>? configureMarten = null, Action<IBusRegistrationConfigurator>? configureBus = null)
    {
        builder.Services.AddSingleton(AuthSettings.From(builder.Configuration));
        builder.Services.AddSingleton<SignedUrls>();
        builder.Services.AddServiceMarten(builder.Configuration, store, configureMarten);
        builder.Services.AddMessaging(builder.Configuration, serviceName, configureBus);
        builder.Services.AddDueWork(builder.Configuration);
        builder.Services.AddRetention(builder.Configuration, store);
        builder.Services.AddServiceMetrics();
        builder.Services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"])
            .AddCheck<RelayLagHealthCheck>("relay", tags: ["ready"]);
        return builder;
    }

    /// <summary>Pipeline order matters: errors become ProblemDetails, then the token is validated, then the tenant is taken from it.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app, string openApiPrefix)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseTenantFromToken();
        app.UsePageBounds();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready") || check.Tags.Contains("live"),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous();
        app.MapOpenApi($"{openApiPrefix}/openapi/{{documentName}}.json");
        // For Prometheus inside the cluster (pod annotations, deploy/k8s): anonymous like the probes, never routed by the gateway.
        if (app.Services.GetService<TelemetryExtensions.PrometheusScrape>() is not null)
            app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        return app;
    }
}
