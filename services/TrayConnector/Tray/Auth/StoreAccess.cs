namespace TrayBridge.TrayConnector.Tray.Auth;

/// <summary>What a call to one store's API needs: where, and with which token, and whose budget it spends
/// (<see cref="StoreHost"/>, from the address the merchant typed). Never logged.</summary>
public sealed record StoreAccess(string TenantId, string StoreId, string ApiHost, string AccessToken, int DailyLimit, string StoreHost);

/// <summary>The store cannot be called: blocked, inactive or cancelled at Tray, or it needs the merchant to authorise again.</summary>
public sealed class StoreUnavailableException(string storeId, string reason, bool notRegistered = false)
    : Exception($"Tray store {storeId} is unavailable: {reason}")
{
    public string StoreId { get; } = storeId;
    public string Reason { get; } = reason;
    /// <summary>This account has no such store (or it belongs to another account, which is the same to the caller).</summary>
    public bool NotRegistered { get; } = notRegistered;
}
