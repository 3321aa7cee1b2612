using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace TrayBridge.ServiceDefaults.Security;

/// <summary>Every host validates the bearer token itself: a call that bypasses the gateway gains nothing. One validator
/// per host, chosen by <c>Auth:Mode</c> (<see cref="AuthMode"/>): the identity provider's access tokens (RS256 only, keys
/// from its JWKS), or tokens signed with the shared key (HS256 only). Each refuses every other algorithm, so a token
/// signed with a valid shared key means nothing to an Authority-mode host.</summary>
public static class JwtAuthentication
{
    public const string Scheme = JwtBearerDefaults.AuthenticationScheme;

    public static IServiceCollection AddTrayBridgeAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var mode = AuthModes.From(configuration);
        var authentication = services.AddAuthentication(Scheme);
        if (mode == AuthMode.SharedKey)
        {
            var settings = AuthSettings.ForTokens(configuration);
            authentication.AddJwtBearer(Scheme, options =>
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
        }
        else
        {
            var authority = AuthoritySettings.From(configuration) ?? throw new InvalidOperationException(
                $"'{AuthModes.Setting}' is Authority{(configuration[AuthModes.Setting] is { Length: > 0 } ? "" : " (the default)")} but 'Auth:Authority' " +
                "(the identity provider's issuer URL) is missing. Set it, or set Auth:Mode=SharedKey with Auth:SigningKey for development.");
            authentication.AddJwtBearer(Scheme, options =>
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
        }
        services.AddRolePolicies();
        return services;
    }
}
