namespace TrayBridge.ServiceDefaults.Tenancy;

/// <summary>A message or request names two different tenants. Never transient: it is not retried, it faults at once
/// into the endpoint's <c>_error</c> queue, where it stays for inspection.</summary>
public sealed class TenantMismatchException(string message) : Exception(message);
