namespace TrayBridge.TrayConnector.Tray.Budget;

/// <summary>Which store's budget a request spends, and at which priority; rides on the request so every retry attempt pays.</summary>
public sealed record TrayCall(string StoreId, int DailyLimit, TrayPriority Priority)
{
    public static readonly HttpRequestOptionsKey<TrayCall> Key = new("TrayBridge.TrayCall");
}
