using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.ServiceDefaults.Security;

/// <summary>Every host validates the bearer token itself: a call that bypasses the gateway gains nothing.</summary>
public static class JwtAuthentication
{
    public static IServiceCollection AddTrayBridgeAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = AuthSettings.From(configuration);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(settings.SigningKey)),
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        // Everything needs a token with a tenant unless an endpoint says AllowAnonymous.
        var tenantUser = new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser().RequireClaim(TenantClaims.TenantId).Build();
        services.AddAuthorizationBuilder().SetDefaultPolicy(tenantUser).SetFallbackPolicy(tenantUser);
        return services;
    }
}
