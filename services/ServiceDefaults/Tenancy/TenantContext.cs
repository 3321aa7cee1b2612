namespace TrayBridge.ServiceDefaults.Tenancy;

/// <summary>The tenant of the current request or message. Set only from a validated token, a verified signed URL,
/// the store registry (webhooks) or an incoming message's tenant header — never from a client-supplied header.</summary>
public sealed class TenantContext
{
    public string? TenantId { get; private set; }

    public bool HasTenant => TenantId is not null;

    public string Require() =>
        TenantId ?? throw new InvalidOperationException("No tenant in this context: the caller must be authenticated.");

    public void Set(string tenantId)
    {
        if (string.IsNullOrWhiteSpace(tenantId)) throw new ArgumentException("Tenant id is empty.", nameof(tenantId));
        if (TenantId is not null && TenantId != tenantId)
            throw new InvalidOperationException("The tenant of this context is already set to another tenant.");
        TenantId = tenantId;
    }
}
