using System.Security.Claims;
using TrayBridge.Api;

namespace TrayBridge.Web.Auth;

/// <summary>What the signed-in user may do, from the <c>role</c> claims of their token (the API decides again on each
/// call): an admin changes settings and stores; an operator does the daily work and sees settings actions disabled,
/// with <see cref="AdminOnly"/> saying why.</summary>
public static class PanelRoles
{
    public const string AdminOnly = "Somente um administrador da empresa altera configurações e lojas. Peça ao administrador, se precisar.";

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(UserRoles.Admin);

    /// <summary>The platform's operation (issue 15): the <c>platform</c> role and no tenant. Such a user sees the Operação
    /// screen only; a tenant's screens are not offered (the API refuses them anyway).</summary>
    public static bool IsPlatform(this ClaimsPrincipal user) =>
        user.IsInRole(UserRoles.Platform) && !user.HasClaim(c => c.Type == PanelAuthentication.TenantClaim);
}
