using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.ServiceDefaults.Security;

/// <summary>Every host validates the bearer token itself: a call that bypasses the gateway gains nothing. Two kinds are
/// accepted: development/service tokens signed with the shared key (HS256 only), and, when <c>Auth:Authority</c> is
/// set, the identity provider's access tokens (RS256 only, keys from its JWKS). A policy scheme picks the validator by
/// the token's <c>iss</c>; that choice is no trust decision — the chosen validator checks everything again.</summary>
public static class JwtAuthentication
{
    /// <summary>The default scheme: forwards to <see cref="SharedKeyScheme"/> or <see cref="AuthorityScheme"/>.</summary>
    public const string Scheme = "TrayBridge";
    public const string SharedKeyScheme = JwtBearerDefaults.AuthenticationScheme;
    public const string AuthorityScheme = "Authority";

    public static IServiceCollection AddTrayBridgeAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = AuthSettings.From(configuration);
        var authority = AuthoritySettings.From(configuration);
        var authentication = services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Bearer token", options => options.ForwardDefaultSelector = http => SchemeFor(http, authority))
            .AddJwtBearer(SharedKeyScheme, options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(settings.SigningKey)),
                    // The key signs HS256 only: a token claiming another algorithm with it is not ours.
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        if (authority is not null)
            authentication.AddJwtBearer(AuthorityScheme, options =>
            {
                options.Authority = authority.Authority.ToString();
                options.RequireHttpsMetadata = authority.RequireHttpsMetadata;
                options.MapInboundClaims = false;
                // A token signed by a key the JWKS does not have yet makes the host fetch it again, at most this often.
                options.RefreshInterval = TimeSpan.FromSeconds(30);
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    // The issuer and the keys come from the authority's metadata.
                    ValidAudience = authority.Audience,
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                    NameClaimType = "name",
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        // Everything needs a token with a tenant unless an endpoint says AllowAnonymous.
        var tenantUser = new AuthorizationPolicyBuilder(Scheme).RequireAuthenticatedUser().RequireClaim(TenantClaims.TenantId).Build();
        services.AddAuthorizationBuilder().SetDefaultPolicy(tenantUser).SetFallbackPolicy(tenantUser);
        return services;
    }

    /// <summary>The token's <c>iss</c>, read without validating anything, names the validator.</summary>
    private static string SchemeFor(HttpContext http, AuthoritySettings? authority)
    {
        if (authority is null) return SharedKeyScheme;
        var header = http.Request.Headers[HeaderNames.Authorization].ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return SharedKeyScheme;
        var token = header["Bearer ".Length..].Trim();
        if (!new JsonWebTokenHandler().CanReadToken(token)) return SharedKeyScheme;
        try
        {
            return authority.Issued(new JsonWebToken(token).Issuer) ? AuthorityScheme : SharedKeyScheme;
        }
        catch (ArgumentException)
        {
            return SharedKeyScheme; // not a JWT at all: the shared-key validator refuses it
        }
    }
}
