using Microsoft.Extensions.Http.Resilience;
using Polly;
using TrayBridge.TrayConnector.Tray.Auth;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Health;

namespace TrayBridge.TrayConnector.Tray;

public static class TrayClientExtensions
{
    /// <summary>The Tray clients: their connections go only where <see cref="ApiAddressPolicy"/> allows, and follow no
    /// redirect (a redirect could carry our consumer secret or a token elsewhere).</summary>
    public static WebApplicationBuilder AddTrayClient(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<TraySettings>(builder.Configuration.GetSection("Tray"));
        builder.Services.AddSingleton<ApiAddressPolicy>();
        builder.Services.AddSingleton<TrayBudget>();
        builder.Services.AddTransient<TrayBudgetHandler>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<TrayStoreHealth>();
        builder.Services.AddTransient<TrayStoreHealthHandler>();
        builder.Services.AddSingleton<TrayMetrics>();
        builder.Services.AddSingleton<TrayBridge.ServiceDefaults.Telemetry.IMetricsSample>(provider => provider.GetRequiredService<TrayMetrics>());
        builder.Services.AddScoped<StoreTokenProvider>();
        // Every call names the process that made it (Connector:Instance): which connector calls Tray for a store shows in
        // Tray's logs and the simulator's, without a secret.
        var userAgent = Features.Dedicated.DedicatedConnectorExtensions.UserAgent(builder.Configuration);
        Guarded(builder.Services.AddHttpClient<TrayAuthClient>(http =>
        {
            http.Timeout = TimeSpan.FromSeconds(30);
            http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        }));
        var api = builder.Services.AddHttpClient<TrayApiClient>(http =>
        {
            http.Timeout = Timeout.InfiniteTimeSpan;
            http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        });
        // Outside the retries: one failed call (after them) is one failure of the store, and a backing-off store costs no call.
        api.AddHttpMessageHandler<TrayStoreHealthHandler>();
        api.AddResilienceHandler("tray-api", Resilience)
            .SelectPipelineBy(_ => request => request.Options.TryGetValue(TrayCall.Key, out var call) ? call.StoreId : "");
        Guarded(api);
        return builder;
    }

    /// <summary>429, 5xx, timeouts and dropped connections are retried with backoff and jitter — only for safe methods:
    /// a POST that may have been applied is reconciled by its caller, never blindly sent again. The pipeline (and its
    /// circuit breaker) is per store, so one failing store does not stop the others.</summary>
    private static void Resilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline)
    {
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 6, BackoffType = DelayBackoffType.Exponential, UseJitter = true, Delay = TimeSpan.FromMilliseconds(300),
        };
        retry.DisableForUnsafeHttpMethods();
        pipeline.AddRetry(retry)
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions { MinimumThroughput = 20, FailureRatio = 0.8, BreakDuration = TimeSpan.FromSeconds(15) })
            .AddTimeout(TimeSpan.FromSeconds(20));
    }

    /// <summary>Budget inside any retry (handlers added later run closer to the wire, once per attempt), no redirects,
    /// connections only where the policy allows, and no request logging: the default handler logs URLs, and Tray's URLs
    /// carry the access token.</summary>
    private static IHttpClientBuilder Guarded(IHttpClientBuilder client) =>
        client.RemoveAllLoggers().AddHttpMessageHandler<TrayBudgetHandler>()
            .ConfigurePrimaryHttpMessageHandler(provider => ApiAddressPolicy.Handler(provider.GetRequiredService<ApiAddressPolicy>()));
}
