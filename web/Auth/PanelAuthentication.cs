using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace TrayBridge.Web.Auth;

/// <summary>OpenID Connect sign-in (code flow with PKCE) against the configured authority — the ERP's identity provider in
/// production, <c>simulators/Identity</c> in the demo and tests — and a cookie session that keeps the user's tokens and
/// refreshes the access token before it expires (<see cref="TokenRefresher"/>).</summary>
public static class PanelAuthentication
{
    public const string TenantClaim = "tenant_id";

    /// <summary>The Operação screen's policy: a platform user (role <c>platform</c>, no tenant).</summary>
    public const string PlatformPolicy = "platform";

    public static IServiceCollection AddPanelAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var oidc = configuration.GetSection("Oidc");
        var authority = oidc["Authority"] is { Length: > 0 } a ? a : throw new InvalidOperationException("Oidc:Authority is missing.");
        services.AddSingleton<TokenRefresher>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(options =>
            {
                options.Cookie.Name = "traybridge.painel";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.AccessDeniedPath = "/acesso-negado";
            })
            .AddOpenIdConnect(options =>
            {
                options.Authority = authority;
                options.ClientId = oidc["ClientId"] ?? "traybridge-web";
                options.ClientSecret = oidc["ClientSecret"];
                // Plain HTTP only for an identity provider on this machine (the simulator); anything else must be https.
                options.RequireHttpsMetadata = !Uri.TryCreate(authority, UriKind.Absolute, out var uri) || !uri.IsLoopback;
                options.ResponseType = OpenIdConnectResponseType.Code;
                options.UsePkce = true;
                options.SaveTokens = true;
                options.MapInboundClaims = false;
                options.GetClaimsFromUserInfoEndpoint = false;
                options.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "email", "roles", "offline_access" }) options.Scope.Add(scope);
                options.TokenValidationParameters.NameClaimType = "name";
                options.TokenValidationParameters.RoleClaimType = "role";
                options.SignedOutRedirectUri = "/";
                // Behind TLS termination, or on plain http on a developer's machine: the correlation and nonce cookies
                // follow the request's scheme (Secure ones would never come back over http: "Correlation failed").
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
            });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<TokenRefresher>((cookie, refresher) => cookie.Events.OnValidatePrincipal = refresher.ValidateOrRefreshAsync);
        // Every page needs a signed-in user of a tenant; the few anonymous ones say so.
        var tenantUser = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(TenantClaim).Build();
        services.AddAuthorizationBuilder().SetFallbackPolicy(tenantUser).SetDefaultPolicy(tenantUser)
            .AddPolicy(PlatformPolicy, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => context.User.IsPlatform()));
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        return services;
    }

    /// <summary>Sign-in starts the code flow; sign-out ends the cookie session and the identity provider's (which revokes
    /// the refresh token), then comes back to the panel.</summary>
    public static void MapAccountEndpoints(this WebApplication app)
    {
        app.MapGet("/conta/entrar", (string? returnUrl) => TypedResults.Challenge(
            new AuthenticationProperties { RedirectUri = LocalUrl(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme])).AllowAnonymous();
        app.MapPost("/conta/sair", () => TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]));
    }

    private static string LocalUrl(string? url) => url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? url : "/";
}
