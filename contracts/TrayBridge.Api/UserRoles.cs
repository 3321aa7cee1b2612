namespace TrayBridge.Api;

/// <summary>The values of a token's <c>role</c> claim the API knows, and the codes of its 403 answers. An
/// <see cref="Admin"/> changes a tenant's settings and stores and does everything else; an <see cref="Operator"/> does
/// the daily work (products, exports, imports, NF-e, shipments); a user with neither does nothing.</summary>
public static class UserRoles
{
    public const string Admin = "admin";
    public const string Operator = "operator";

    /// <summary>403: the endpoint changes settings or stores, and the user is not an admin.</summary>
    public const string AdminRequiredCode = "auth.admin_required";

    /// <summary>403: the user has neither role.</summary>
    public const string RoleRequiredCode = "auth.role_required";
}
