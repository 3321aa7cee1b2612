namespace TrayBridge.TraySimulator.Gateway;

/// <summary>Share (0..1) of Tray API calls that meet each fault; all zero unless <c>PUT /admin/faults</c> says otherwise.</summary>
public sealed record Faults
{
    public double Error500Share { get; init; }
    public double Error429Share { get; init; }
    public double SlowShare { get; init; }
    public int SlowMilliseconds { get; init; } = 2000;

    /// <summary>The connection is aborted before any answer.</summary>
    public double DropShare { get; init; }

    /// <summary>A write is applied, then answered 500 or dropped: a blind retry duplicates it.</summary>
    public double FailAfterCommitShare { get; init; }

    public static readonly Faults None = new();
}

public sealed class FaultInjector
{
    private Faults _current = Faults.None;

    public Faults Current => Volatile.Read(ref _current);

    public void Set(Faults faults)
    {
        foreach (var share in new[] { faults.Error500Share, faults.Error429Share, faults.SlowShare, faults.DropShare, faults.FailAfterCommitShare })
            if (share is < 0 or > 1) throw new ArgumentException("Fault shares go from 0 to 1.");
        Volatile.Write(ref _current, faults);
    }

    public void Clear() => Volatile.Write(ref _current, Faults.None);

    public static bool Hits(double share) => share > 0 && Random.Shared.NextDouble() < share;
}
