using TrayBridge.IdentitySimulator.Clients;
using TrayBridge.IdentitySimulator.Settings;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace TrayBridge.IdentitySimulator.Server;

/// <summary>OpenIddict's server without a database (degraded mode): codes and refresh tokens are self-contained and
/// encrypted, and <see cref="ClientChecks"/> does what its stores would (clients, secrets, redirect URIs).</summary>
public static class OpenIddictSetup
{
    public static IServiceCollection AddIdentityServer(this IServiceCollection services, IdentitySettings settings, ClientRegistry clients)
    {
        services.AddOpenIddict().AddServer(options =>
        {
            options.SetAuthorizationEndpointUris("connect/authorize")
                .SetTokenEndpointUris("connect/token")
                .SetUserInfoEndpointUris("connect/userinfo")
                .SetEndSessionEndpointUris("connect/logout")
                .SetJsonWebKeySetEndpointUris(".well-known/jwks");
            options.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().RequireProofKeyForCodeExchange();
            // Development only: scripts (build.ps1 token, the demo's setup) get a user's token without a browser.
            if (settings.PasswordGrantEnabled) options.AllowPasswordFlow();
            options.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess);
            options.RegisterClaims(Claims.Subject, Claims.Name, Claims.Email, Claims.Role, UserPrincipal.TenantClaim);
            options.SetAccessTokenLifetime(settings.AccessTokenLifetime).SetRefreshTokenLifetime(settings.RefreshTokenLifetime)
                .SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(5)); // within RedeemedCodes.Keep
            if (settings.Issuer.Length > 0) options.SetIssuer(new Uri(settings.Issuer, UriKind.Absolute));
            // RS256, published in the JWKS: the configured key, or a new one at each start (the hosts fetch the JWKS again
            // when a token names a key they do not know). Access tokens stay readable JWTs: the APIs check them with the
            // JWKS alone. Codes and refresh tokens are encrypted with a key of this run: sessions do not outlive it either.
            if (SigningKey.FromFile(settings.SigningKeyPath) is { } key) options.AddSigningKey(key);
            else options.AddEphemeralSigningKey();
            options.AddEphemeralEncryptionKey().DisableAccessTokenEncryption();
            options.EnableDegradedMode();
            ClientChecks.Register(options, clients);
            // Plain HTTP on loopback; in production it runs behind TLS termination.
            options.UseAspNetCore().DisableTransportSecurityRequirement()
                .EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough()
                .EnableUserInfoEndpointPassthrough().EnableEndSessionEndpointPassthrough();
        });
        // PKCE with S256 only: 'plain' protects nothing once the authorization request leaks.
        // Clients authenticate with their secret only (no key pairs are registered).
        services.PostConfigure<OpenIddict.Server.OpenIddictServerOptions>(o =>
        {
            o.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain);
            o.ClientAuthenticationMethods.Remove(ClientAuthenticationMethods.PrivateKeyJwt);
        });
        return services;
    }
}
