using Microsoft.AspNetCore.Authentication.Cookies;
using TrayBridge.IdentitySimulator.Admin;
using TrayBridge.IdentitySimulator.Clients;
using TrayBridge.IdentitySimulator.Connect;
using TrayBridge.IdentitySimulator.Login;
using TrayBridge.IdentitySimulator.Server;
using TrayBridge.IdentitySimulator.Sessions;
using TrayBridge.IdentitySimulator.Settings;
using TrayBridge.IdentitySimulator.Users;

namespace TrayBridge.IdentitySimulator.Extensions;

public static class IdentityExtensions
{
    public static WebApplicationBuilder AddIdentitySimulator(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(IdentitySettings.Section).Get<IdentitySettings>() ?? new IdentitySettings();
        var clients = new ClientRegistry(settings);
        var services = builder.Services;
        services.AddSingleton(settings).AddSingleton(clients).AddSingleton<UserDirectory>().AddSingleton<SessionRegistry>();
        services.AddSingleton(TimeProvider.System).AddSingleton<RedeemedCodes>();
        // Forms, token requests and admin bodies are small: nothing bigger is read.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 64 * 1024);
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.Cookie.Name = "traybridge.identity";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/account/login";
            options.ReturnUrlParameter = "returnUrl";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        services.AddAuthorization();
        services.AddAntiforgery(options => options.Cookie.Name = "traybridge.identity.antiforgery");
        services.AddIdentityServer(settings, clients);
        services.AddProblemDetails();
        services.AddHealthChecks();
        return builder;
    }

    public static WebApplication MapIdentitySimulator(this WebApplication app)
    {
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapHealthChecks("/health/live");
        app.MapHealthChecks("/health/ready");
        app.MapMethods("/connect/authorize", ["GET", "POST"], AuthorizeEndpoint.HandleAsync).DisableAntiforgery();
        app.MapPost("/connect/token", TokenEndpoint.HandleAsync).DisableAntiforgery();
        app.MapMethods("/connect/userinfo", ["GET", "POST"], UserInfoEndpoint.HandleAsync).DisableAntiforgery();
        app.MapMethods("/connect/logout", ["GET", "POST"], LogoutEndpoint.HandleAsync).DisableAntiforgery();
        app.MapLogin();
        if (app.Services.GetRequiredService<IdentitySettings>().AdminEnabled) app.MapAdminUsersApi();
        return app;
    }
}
