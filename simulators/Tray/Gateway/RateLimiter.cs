using TrayBridge.TraySimulator.Hosting;
using TrayBridge.TraySimulator.Settings;
using TrayBridge.TraySimulator.Stores;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Gateway;

/// <summary>
/// Tray's two budgets (tray-api.md §8.1): requests per sliding window, kept per store or per app as configured, and
/// requests per São Paulo calendar day per store. Only admitted requests use budget.
/// </summary>
public sealed class RateLimiter(SimulatorClock clock, SettingsHolder settings)
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _windows = [];
    private readonly Dictionary<string, (DateOnly Day, int Used)> _daily = [];

    public bool TryAcquire(Store store, string? consumerKey)
    {
        var current = settings.Current;
        var now = clock.GetUtcNow();
        var key = current.RateLimitScope == RateLimitScope.PerApp && consumerKey is not null ? $"app:{consumerKey}" : $"store:{store.Id}";
        lock (_sync)
        {
            var window = _windows.TryGetValue(key, out var w) ? w : _windows[key] = new Queue<DateTimeOffset>();
            while (window.Count > 0 && window.Peek() <= now - current.RateLimitWindow) window.Dequeue();
            var (day, used) = DailyOf(store, now);
            if (window.Count >= current.PerMinuteLimit || used >= DailyLimit(store, current)) return false;
            window.Enqueue(now);
            _daily[store.Id] = (day, used + 1);
            return true;
        }
    }

    public (int Used, int Limit) Daily(Store store)
    {
        lock (_sync) return (DailyOf(store, clock.GetUtcNow()).Used, DailyLimit(store, settings.Current));
    }

    private (DateOnly Day, int Used) DailyOf(Store store, DateTimeOffset now)
    {
        var today = TrayTime.Day(now);
        return _daily.TryGetValue(store.Id, out var d) && d.Day == today ? d : (today, 0);
    }

    private static int DailyLimit(Store store, SimulatorSettings settings) =>
        store.Corporate ? settings.CorporateDailyLimit : settings.DailyLimit;
}
