namespace TrayBridge.TrayConnector.Tray.Budget;

public enum RateLimitScope { PerStore, PerApp }

/// <summary>The <c>Tray:Budget</c> section. Window and limit must match Tray's (180 per minute); tests and benchmarks
/// shorten both on the client and on the simulator alike.</summary>
public sealed class BudgetSettings
{
    public int RequestsPerWindow { get; set; } = 180;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Tray's docs leave open whether the per-minute budget is per store or per app.</summary>
    public RateLimitScope Scope { get; set; } = RateLimitScope.PerStore;
    /// <summary>The share of the window's budget we plan to use: network jitter can bunch requests up on arrival.</summary>
    public double Headroom { get; set; } = 0.9;
    /// <summary>A call waits in line up to this long; beyond it, the work is parked as due work ("aguardando cota").</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(20);
    /// <summary>How long background work (due work, consumers) waits in line for its slot; beyond it the work is parked
    /// until the slot, so one store's pacing never holds a runner or consumer slot another store needs. Only a person's
    /// own request waits up to <see cref="MaxWait"/>.</summary>
    public TimeSpan MaxQueuedWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Stores on Tray's corporate plan (50,000 requests a day instead of 10,000), by Tray store id: the operator
    /// knows a store's contract; a tenant saying so would only spend more of the store's real budget than it has.</summary>
    public string[] CorporateStores { get; set; } = [];

    public int DailyLimitOf(string storeId) => CorporateStores.Contains(storeId) ? 50_000 : 10_000;

    public TimeSpan Interval => Window / (RequestsPerWindow * Headroom);
}
