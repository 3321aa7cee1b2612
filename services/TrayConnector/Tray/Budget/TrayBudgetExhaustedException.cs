using TrayBridge.ServiceDefaults.DueWork;

namespace TrayBridge.TrayConnector.Tray.Budget;

/// <summary>"Aguardando cota": Tray's budget does not allow this call now. Not a failure — park the work until <see
/// cref="DueWorkDeferredException.RetryAt"/> (due work that does not catch it is parked by the runner itself).</summary>
public sealed class TrayBudgetExhaustedException(string storeId, DateTimeOffset retryAt, string reason)
    : DueWorkDeferredException(retryAt, $"Tray store {storeId} is waiting for budget until {retryAt:O}: {reason}")
{
    public string StoreId { get; } = storeId;
}
