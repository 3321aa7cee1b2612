using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TrayBridge.ServiceDefaults.Relay;

namespace TrayBridge.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>Traces and metrics for ASP.NET Core, HttpClient, runtime, MassTransit, Marten, Npgsql and the relay;
    /// OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, a JSON-lines span file when <c>Telemetry:SpanFile</c> is.</summary>
    public static IHostApplicationBuilder ConfigureOpenTelemetry(this IHostApplicationBuilder builder, string serviceName,
        params string[] extraSources)
    {
        var spanFile = builder.Configuration["Telemetry:SpanFile"];
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddSource("MassTransit", "Marten", IntegrationEventRelay.Source.Name, DueWork.DueWorkTelemetry.Source.Name)
                    .AddSource(extraSources)
                    // First of the processors, so no exporter ever sees an anonymous link's token.
                    .AddProcessor(new LinkRedactingSpanProcessor());
                if (!string.IsNullOrWhiteSpace(spanFile))
                    tracing.AddProcessor(new SimpleActivityExportProcessor(new JsonLinesSpanExporter(spanFile, serviceName)));
            })
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit", "Marten", "TrayBridge.*"));
        builder.Services.AddLinkRedactingLogging();
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            otel.UseOtlpExporter();
        return builder;
    }

    /// <summary>The services' own metrics and their Prometheus scrape endpoint (<c>/metrics</c> on the service's port,
    /// mapped by <c>UseServiceDefaults</c>). Not the gateway's: no route of the gateway reaches a service's
    /// <c>/metrics</c>, and the gateway, the only host facing the Internet, serves none.</summary>
    public static IServiceCollection AddServiceMetrics(this IServiceCollection services)
    {
        services.AddSingleton<PlatformMetrics>();
        services.AddSingleton<IMetricsSample>(provider => provider.GetRequiredService<PlatformMetrics>());
        services.AddHostedService<MetricsSampler>();
        services.AddSingleton<PrometheusScrape>();
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddPrometheusExporter());
        return services;
    }

    /// <summary>Present only where <see cref="AddServiceMetrics"/> ran: the hosts that serve <c>/metrics</c>.</summary>
    public sealed class PrometheusScrape;
}
