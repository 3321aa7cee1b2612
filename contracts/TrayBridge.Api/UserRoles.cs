namespace TrayBridge.Api;

/// <summary>The values of a token's <c>role</c> claim the API knows, and the codes of its 403 answers. An
/// <see cref="Admin"/> changes a tenant's settings and stores and does everything else; an <see cref="Operator"/> does
/// the daily work (products, exports, imports, NF-e, shipments); a user with neither does nothing. <see cref="Platform"/>
/// is not a tenant's role: the SaaS's own operations staff ("Operação da plataforma"), whose tokens carry no tenant and
/// open only the operator API (<c>/api/tray/operator</c>), never a tenant's data.</summary>
public static class UserRoles
{
    public const string Admin = "admin";
    public const string Operator = "operator";
    /// <summary>The platform's operations staff: every tenant's stores, their health and budgets; no tenant of their own.</summary>
    public const string Platform = "platform";

    /// <summary>403: the endpoint is the platform operator's, and the token is a tenant's (or lacks the role).</summary>
    public const string PlatformRequiredCode = "auth.platform_required";

    /// <summary>403: the endpoint works on a tenant's data, and the token names no tenant (a platform user's, say).</summary>
    public const string TenantRequiredCode = "auth.tenant_required";

    /// <summary>403: the endpoint changes settings or stores, and the user is not an admin.</summary>
    public const string AdminRequiredCode = "auth.admin_required";

    /// <summary>403: the user has neither role.</summary>
    public const string RoleRequiredCode = "auth.role_required";
}
