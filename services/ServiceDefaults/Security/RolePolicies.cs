using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TrayBridge.Api;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.ServiceDefaults.Security;

/// <summary>Issue 11, roles (the token's <c>role</c> claim): every endpoint needs a user of a tenant who is an admin or
/// an operator (the default and fallback policy, so a new endpoint is never open to a user without a role); endpoints
/// that change a tenant's settings or stores say <see cref="RequireAdmin{TBuilder}"/>. The policies are named here once.</summary>
public static class RolePolicies
{
    /// <summary>Daily work: an admin or an operator of the tenant.</summary>
    public const string Operator = "traybridge.operator";

    /// <summary>Settings and stores: an admin of the tenant.</summary>
    public const string Admin = "traybridge.admin";

    public static IServiceCollection AddRolePolicies(this IServiceCollection services)
    {
        AuthorizationPolicyBuilder TenantUser() =>
            new AuthorizationPolicyBuilder(JwtAuthentication.Scheme).RequireAuthenticatedUser().RequireClaim(TenantClaims.TenantId);
        var operatorPolicy = TenantUser().RequireRole(UserRoles.Admin, UserRoles.Operator).Build();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(operatorPolicy)
            .SetFallbackPolicy(operatorPolicy)
            .AddPolicy(Operator, operatorPolicy)
            .AddPolicy(Admin, TenantUser().RequireRole(UserRoles.Admin).Build());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ForbiddenAsProblem>();
        return services;
    }

    /// <summary>The endpoint changes settings or stores: admins only.</summary>
    public static TBuilder RequireAdmin<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Admin);

    /// <summary>A 403 says, in Portuguese, which role is missing (with a stable code); everything else is the default.</summary>
    private sealed class ForbiddenAsProblem : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            if (!authorizeResult.Forbidden || context.User.Identity?.IsAuthenticated != true)
            {
                await _default.HandleAsync(next, context, policy, authorizeResult);
                return;
            }
            var anyRole = context.User.IsInRole(UserRoles.Admin) || context.User.IsInRole(UserRoles.Operator);
            var problem = anyRole
                ? Problems.Of(StatusCodes.Status403Forbidden, UserRoles.AdminRequiredCode,
                    "Somente um administrador da empresa pode alterar configurações e lojas.")
                : context.User.HasClaim(c => c.Type == TenantClaims.TenantId)
                    ? Problems.Of(StatusCodes.Status403Forbidden, UserRoles.RoleRequiredCode,
                        "Seu usuário não tem perfil de administrador nem de operador no TrayBridge. Peça acesso ao administrador da empresa.")
                    : Problems.Of(StatusCodes.Status403Forbidden, "auth.tenant_required", "O token não indica a empresa (tenant_id).");
            await problem.ExecuteAsync(context);
        }
    }
}
