using TrayBridge.SefazSimulator.Hosting;

namespace TrayBridge.SefazSimulator.Faults;

/// <summary>
/// <c>PUT /admin/faults</c>: every SOAP call waits <see cref="DelayMs"/> (wall-clock) before it is handled; a share
/// <see cref="TimeoutShare"/> of them is processed and then never answered (the lot may be authorized: the case of
/// nfe.md §4.7, a resend meets 204/539); <see cref="Down"/> takes the services down, for <see cref="DownFor"/> if given;
/// <see cref="WrongDigVal"/> answers every protNFe with a digVal that is not the note's (what a fake or broken SEFAZ
/// would say), so a client can prove it does not take such an answer as an authorization.
/// </summary>
public sealed record Faults
{
    public int DelayMs { get; init; }
    public double TimeoutShare { get; init; }
    public bool Down { get; init; }
    public TimeSpan? DownFor { get; init; }
    public bool WrongDigVal { get; init; }

    public static readonly Faults None = new();
}

/// <summary>The faults in force; a <c>downFor</c> ends on the simulator clock, so a test's fake clock can end it.</summary>
public sealed class FaultState(SimulatorClock clock)
{
    private sealed record Current(Faults Faults, DateTimeOffset? DownUntil);

    private Current _current = new(Faults.None, null);

    public Faults Faults => Volatile.Read(ref _current).Faults;

    public void Set(Faults faults)
    {
        if (faults.TimeoutShare is < 0 or > 1) throw new ArgumentException("timeoutShare goes from 0 to 1.");
        if (faults.DelayMs < 0) throw new ArgumentException("delayMs cannot be negative.");
        if (faults.DownFor < TimeSpan.Zero) throw new ArgumentException("downFor cannot be negative.");
        var until = faults.Down && faults.DownFor is { } span ? clock.GetUtcNow() + span : (DateTimeOffset?)null;
        Volatile.Write(ref _current, new Current(faults, until));
    }

    public void Clear() => Volatile.Write(ref _current, new Current(Faults.None, null));

    public bool IsDown => Volatile.Read(ref _current) is { Faults.Down: true } c && (c.DownUntil is null || clock.GetUtcNow() < c.DownUntil);

    /// <summary>When a timed outage ends (what NFeStatusServico4 reports as dhRetorno); null when none is known.</summary>
    public DateTimeOffset? BackAt => Volatile.Read(ref _current).DownUntil;

    public bool TimesOut() => Faults.TimeoutShare > 0 && Random.Shared.NextDouble() < Faults.TimeoutShare;
}
