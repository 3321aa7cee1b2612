using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Gateway.Extensions;

/// <summary>Issue 11, "no bounds": each tenant has its own token bucket for the API, so one tenant's flood (a script
/// gone wrong, a stolen token) meets 429 with <c>Retry-After</c> while every other tenant goes on. The panel's pages
/// (anonymous, before sign-in) share a bucket per client address. Webhooks and signed public links are not counted here:
/// Tray sends and downloads them for every tenant from the same addresses, and each has its own bound (the webhook's body
/// and store limits, the links' signatures).</summary>
public static class TenantRateLimits
{
    public sealed class Settings
    {
        public const string Section = "Gateway:RateLimit";
        public int PermitsPerSecond { get; set; } = 50;
        public int Burst { get; set; } = 500;
        public int AnonymousPermitsPerSecond { get; set; } = 50;
        public int AnonymousBurst { get; set; } = 500;
    }

    public static IServiceCollection AddTenantRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(Settings.Section).Get<Settings>() ?? new Settings();
        return services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (http.Request.Path.StartsWithSegments("/webhooks") || http.Request.Path.StartsWithSegments("/public")
                    || http.Request.Path.StartsWithSegments("/health"))
                    return RateLimitPartition.GetNoLimiter("uncounted");
                return http.RequestServices.GetRequiredService<TenantContext>().TenantId is { } tenant
                    ? Bucket("tenant:" + tenant, settings.PermitsPerSecond, settings.Burst)
                    : Bucket("address:" + http.Connection.RemoteIpAddress, settings.AnonymousPermitsPerSecond, settings.AnonymousBurst);
            });
            options.OnRejected = RejectAsync;
        });
    }

    private static RateLimitPartition<string> Bucket(string key, int perSecond, int burst) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst, TokensPerPeriod = perSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0, AutoReplenishment = true,
        });

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problem = Problems.Of(StatusCodes.Status429TooManyRequests, "rate_limited",
            $"Muitas requisições em pouco tempo. Tente de novo em {seconds} s.");
        await problem.ExecuteAsync(http);
    }
}
