namespace TrayBridge.ServiceDefaults.Tenancy;

public static class TenantClaims
{
    /// <summary>The JWT claim that carries the tenant id.</summary>
    public const string TenantId = "tenant_id";

    /// <summary>The message header that carries the tenant id across the bus.</summary>
    public const string Header = "TenantId";
}
