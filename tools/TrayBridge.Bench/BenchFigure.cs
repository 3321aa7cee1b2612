namespace TrayBridge.Bench;

/// <summary>One figure a user would compare: its headline <paramref name="Value"/> in <paramref name="Unit"/> (e.g. "orders/s",
/// "ms", "calls/order"), and the numbers behind it by name (percentiles, counts, seconds). Every scenario returns these;
/// the run prints them and writes them to <c>artifacts/bench/results.json</c> beside the machine they came from.</summary>
public sealed record BenchFigure(string Name, double Value, string Unit, IReadOnlyDictionary<string, double>? Details = null)
{
    public override string ToString() =>
        $"{Name,-44} {Value,12:0.###} {Unit,-14} {string.Join("  ", (Details ?? new Dictionary<string, double>()).Select(d => $"{d.Key}={d.Value:0.###}"))}";
}
