using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Stores;

/// <summary>A store's standing; every state but active refuses API calls with its own error_code (tray-api.md §2.6).</summary>
public enum StoreStatus { Active, Blocked, Inactive, Cancelled }

public static class StoreStatusErrors
{
    public static (int ErrorCode, string Cause)? Refusal(this StoreStatus status) => status switch
    {
        StoreStatus.Blocked => (TrayError.StoreBlocked, "Loja bloqueada"),
        StoreStatus.Inactive => (TrayError.StoreInactive, "Loja inativa"),
        StoreStatus.Cancelled => (TrayError.StoreCancelled, "Loja cancelada"),
        _ => null,
    };
}
