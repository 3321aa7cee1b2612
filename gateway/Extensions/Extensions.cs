using TrayBridge.ServiceDefaults.Tenancy;
using Yarp.ReverseProxy.Transforms;

namespace TrayBridge.Gateway.Extensions;

public static class Extensions
{
    public const string TenantHeader = "X-Tenant-Id";

    /// <summary>Routes come from <c>ReverseProxy</c> configuration. Every route needs a token (the fallback policy)
    /// unless it names the <c>anonymous</c> policy: Tray webhooks, product images and DANFE/XML links.</summary>
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddTransforms(transforms => transforms.AddRequestTransform(context =>
            {
                // A client never chooses its tenant: drop what it sent, then state the one its validated token carries.
                context.ProxyRequest.Headers.Remove(TenantHeader);
                if (context.HttpContext.RequestServices.GetRequiredService<TenantContext>().TenantId is { } tenant)
                    context.ProxyRequest.Headers.Add(TenantHeader, tenant);
                return ValueTask.CompletedTask;
            }));
        return builder;
    }
}
