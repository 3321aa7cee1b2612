namespace TrayBridge.TrayConnector.Tray.Health;

/// <summary>The <c>Tray:StoreBackoff</c> section: how long background work leaves a store whose Tray fails alone —
/// <see cref="First"/> after the first failed item, doubling per failure up to <see cref="Max"/>.</summary>
public sealed class StoreBackoffSettings
{
    public TimeSpan First { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan Max { get; set; } = TimeSpan.FromMinutes(10);
}
