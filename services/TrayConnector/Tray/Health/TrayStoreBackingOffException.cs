using TrayBridge.ServiceDefaults.DueWork;

namespace TrayBridge.TrayConnector.Tray.Health;

/// <summary>"Tray não responde": the store's Tray failed recently and background work leaves it alone until <see
/// cref="DueWorkDeferredException.RetryAt"/>. Nothing was sent; due work is parked until then, never failed. Not sealed:
/// a store the operation disabled (<c>StoreDisabledException</c>) is left alone the same way, so every handler that
/// parks a backing-off store's work parks a disabled store's too.</summary>
public class TrayStoreBackingOffException : DueWorkDeferredException
{
    public TrayStoreBackingOffException(string storeId, StoreHealth health)
        : this(storeId, health, $"Tray não responde desde {TrayProblems.SaoPaulo(health.FailingSince)}: {health.LastError}") { }

    protected TrayStoreBackingOffException(string storeId, StoreHealth health, string message) : base(health.RetryAt, message)
    {
        (StoreId, Health) = (storeId, health);
    }

    public string StoreId { get; }
    public StoreHealth Health { get; }
}
