using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace TrayBridge.ServiceDefaults.Tenancy;

public static class TenantMiddleware
{
    /// <summary>Fills <see cref="TenantContext"/> from the validated token's claim; runs after authentication.</summary>
    public static IApplicationBuilder UseTenantFromToken(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var tenant = http.User.Identity?.IsAuthenticated == true ? http.User.FindFirst(TenantClaims.TenantId)?.Value : null;
            if (tenant is not null)
                http.RequestServices.GetRequiredService<TenantContext>().Set(tenant);
            await next(http);
        });
}
