using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;
using Yarp.ReverseProxy.Transforms;

namespace TrayBridge.Gateway.Extensions;

public static class Extensions
{
    public const string TenantHeader = "X-Tenant-Id";

    /// <summary>Routes come from <c>ReverseProxy</c> configuration. Every route needs a token (the fallback policy)
    /// unless it names the <c>anonymous</c> policy: Tray webhooks, product images, DANFE/XML links, and the panel (the
    /// lowest-priority catch-all: the web host signs its users in itself).</summary>
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
        builder.Services.AddTenantRateLimits(builder.Configuration);
        return builder;
    }

    /// <summary>An unknown <c>/api</c>, <c>/public</c> or <c>/webhooks</c> path is a 404 ProblemDetails here, never a panel
    /// page: API clients get an API answer. The service routes are more specific and win.</summary>
    public static WebApplication MapUnknownApiPaths(this WebApplication app)
    {
        foreach (var prefix in new[] { "/api", "/public", "/webhooks" })
            app.Map(prefix + "/{**rest}", () => Problems.NotFound("route.not_found", "Este endereço não existe na API do TrayBridge."))
                .AllowAnonymous();
        return app;
    }
}
