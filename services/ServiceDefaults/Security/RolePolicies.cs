using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
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

    /// <summary>The platform's operation (issue 15): a user with the <c>platform</c> role and no tenant. A token naming a
    /// tenant never passes, whatever its roles: a tenant's admin is not the SaaS's operator.</summary>
    public const string Platform = "traybridge.platform";

    public static IServiceCollection AddRolePolicies(this IServiceCollection services)
    {
        AuthorizationPolicyBuilder TenantUser() =>
            new AuthorizationPolicyBuilder(JwtAuthentication.Scheme).RequireAuthenticatedUser().RequireClaim(TenantClaims.TenantId);
        var operatorPolicy = TenantUser().RequireRole(UserRoles.Admin, UserRoles.Operator).Build();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(operatorPolicy)
            .SetFallbackPolicy(operatorPolicy)
            .AddPolicy(Operator, operatorPolicy)
            .AddPolicy(Admin, TenantUser().RequireRole(UserRoles.Admin).Build())
            .AddPolicy(Platform, new AuthorizationPolicyBuilder(JwtAuthentication.Scheme).RequireAuthenticatedUser().RequireRole(UserRoles.Platform)
                .RequireAssertion(context => !context.User.HasClaim(c => c.Type == TenantClaims.TenantId)).Build());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ForbiddenAsProblem>();
        return services;
    }

    /// <summary>The endpoint changes settings or stores: admins only.</summary>
    public static TBuilder RequireAdmin<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Admin);

    /// <summary>The endpoint is the platform operator's (every tenant's stores): platform users only.</summary>
    public static TBuilder RequirePlatform<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Platform);

    private static bool IsPlatformPolicy(AuthorizationPolicy policy) =>
        policy.Requirements.OfType<RolesAuthorizationRequirement>().Any(r => r.AllowedRoles.Contains(UserRoles.Platform));

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
            var hasTenant = context.User.HasClaim(c => c.Type == TenantClaims.TenantId);
            var problem = IsPlatformPolicy(policy)
                ? Problems.Of(StatusCodes.Status403Forbidden, UserRoles.PlatformRequiredCode,
                    "Somente a operação da plataforma acessa esta área; usuários de uma empresa não a veem.")
                : !hasTenant && context.User.IsInRole(UserRoles.Platform)
                    ? Problems.Of(StatusCodes.Status403Forbidden, UserRoles.TenantRequiredCode,
                        "Usuários da operação da plataforma não acessam os dados de uma empresa: use a área Operação.")
                : anyRole
                ? Problems.Of(StatusCodes.Status403Forbidden, UserRoles.AdminRequiredCode,
                    "Somente um administrador da empresa pode alterar configurações e lojas.")
                : hasTenant
                    ? Problems.Of(StatusCodes.Status403Forbidden, UserRoles.RoleRequiredCode,
                        "Seu usuário não tem perfil de administrador nem de operador no TrayBridge. Peça acesso ao administrador da empresa.")
                    : Problems.Of(StatusCodes.Status403Forbidden, UserRoles.TenantRequiredCode, "O token não indica a empresa (tenant_id).");
            await problem.ExecuteAsync(context);
        }
    }
}
