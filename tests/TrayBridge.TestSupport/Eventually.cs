using System.Diagnostics;

namespace TrayBridge.TestSupport;

/// <summary>Polls until an asynchronous outcome shows (message delivery, relay catch-up), or fails with the last value seen.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        T last;
        do
        {
            last = await probe();
            if (done(last)) return last;
            await Task.Delay(200);
        } while (clock.Elapsed < timeout);
        throw new TimeoutException($"{what}: not within {timeout}; last seen: {last}");
    }
}
