using Microsoft.AspNetCore.HttpOverrides;
using TrayBridge.ServiceDefaults.Telemetry;
using TrayBridge.Web.Api;
using TrayBridge.Web.Auth;
using TrayBridge.Web.Components;

namespace TrayBridge.Web.Extensions;

public static class Extensions
{
    /// <summary>The panel: Razor components rendered on the server, OIDC sign-in with a cookie session, and the API client
    /// that calls the gateway with the signed-in user's access token.</summary>
    public static WebApplicationBuilder AddPanel(this WebApplicationBuilder builder)
    {
        // Run from its build output (build.ps1 run, the tests) the host finds Blazor's script and its own files through the
        // static web assets manifest, whatever the environment; a published image has them in wwwroot.
        builder.WebHost.UseStaticWebAssets();
        builder.ConfigureOpenTelemetry("web");
        // The largest form the panel posts is a product picture; nothing else comes near it (issue 11, "no bounds").
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = TrayBridge.Api.Catalog.ProductLimits.MaxImageBytes + 64 * 1024);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddRazorComponents();
        builder.Services.AddPanelAuthentication(builder.Configuration);
        builder.Services.AddPanelStorage(builder.Configuration);
        builder.Services.AddPanelApi(builder.Configuration);
        builder.Services.AddHealthChecks();
        // Behind the gateway: the scheme and host the browser used come in X-Forwarded-* headers (sign-in redirects need them).
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            if (builder.Configuration.GetValue<bool>("Panel:TrustAllProxies")) { options.KnownIPNetworks.Clear(); options.KnownProxies.Clear(); }
        });
        return builder;
    }

    public static WebApplication UsePanel(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler("/erro", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/nao-encontrado");
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapHealthChecks("/health/live").AllowAnonymous();
        app.MapHealthChecks("/health/ready").AllowAnonymous();
        app.MapStaticAssets().AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapRazorComponents<App>();
        return app;
    }
}
