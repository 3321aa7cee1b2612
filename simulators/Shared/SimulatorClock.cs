namespace TrayBridge.Simulators;

/// <summary>
/// A simulator's time: an underlying clock (the system's, or a test's FakeTimeProvider shared with the client) plus an
/// offset that <c>POST /admin/clock/advance</c> moves, so a running process can be sent hours or days ahead (receipts
/// become ready, tokens expire, an outage's downFor ends).
/// </summary>
public sealed class SimulatorClock(TimeProvider underlying) : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => underlying.GetUtcNow() + Offset;

    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "The clock only moves forward.");
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
