namespace TrayBridge.TrayConnector.Tray.Budget;

/// <summary>Which store's budget a request spends, and at which priority; rides on the request so every retry attempt pays.
/// A store's budget is keyed by its registration, (<see cref="StoreHost"/>, store id): a fake host answering a real
/// store's id spends a budget of its own. <see cref="TenantId"/> (absent while a store is being registered) says whose
/// activity log counts the call's budget waits.</summary>
public sealed record TrayCall(string StoreHost, string StoreId, int DailyLimit, TrayPriority Priority, string? TenantId = null)
{
    public static readonly HttpRequestOptionsKey<TrayCall> Key = new("TrayBridge.TrayCall");
}
