using TrayBridge.ServiceDefaults.DueWork;

namespace TrayBridge.TrayConnector.Tray.Health;

/// <summary>"Tray não responde": the store's Tray failed recently and background work leaves it alone until <see
/// cref="DueWorkDeferredException.RetryAt"/>. Nothing was sent; due work is parked until then, never failed.</summary>
public sealed class TrayStoreBackingOffException(string storeId, StoreHealth health)
    : DueWorkDeferredException(health.RetryAt, $"Tray não responde desde {TrayProblems.SaoPaulo(health.FailingSince)}: {health.LastError}")
{
    public string StoreId { get; } = storeId;
    public StoreHealth Health { get; } = health;
}
