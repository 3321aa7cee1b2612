namespace TrayBridge.TrayConnector.Tray.Budget;

/// <summary>"Aguardando cota": Tray's budget does not allow this call now. Not a failure — park the work until <see cref="RetryAt"/>.</summary>
public sealed class TrayBudgetExhaustedException(string storeId, DateTimeOffset retryAt, string reason)
    : Exception($"Tray store {storeId} is waiting for budget until {retryAt:O}: {reason}")
{
    public string StoreId { get; } = storeId;
    public DateTimeOffset RetryAt { get; } = retryAt;
}
