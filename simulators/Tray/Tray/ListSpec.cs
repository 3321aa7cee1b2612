namespace TrayBridge.TraySimulator.Tray;

/// <summary>What a list endpoint lets a caller filter and sort by (its <c>availableFilters</c>, tray-api.md §1.5).</summary>
public sealed class ListSpec<T>
{
    public required string Collection { get; init; }
    public required Func<T, long> Id { get; init; }
    public Dictionary<string, Func<T, string, bool>> Filters { get; init; } = [];
    public Dictionary<string, Func<T, IComparable>> Sorts { get; init; } = [];

    /// <summary>Names echoed in <c>availableFilters</c>: those implemented here and the documented ones beyond them.</summary>
    public string[] AvailableFilters { get; init; } = [];

    public static Func<T, string, bool> Exact(Func<T, string?> field) =>
        (item, wanted) => string.Equals(field(item), wanted, StringComparison.OrdinalIgnoreCase);

    /// <summary>A date filter: one São Paulo day <c>aaaa-mm-dd</c>, or a range "start,end" (inclusive).</summary>
    public static Func<T, string, bool> Day(Func<T, DateTimeOffset> field) => (item, wanted) =>
    {
        var parts = wanted.Split(',', 2);
        var from = TrayTime.ParseDay(parts[0]);
        var to = parts.Length == 2 ? TrayTime.ParseDay(parts[1]) : from;
        var day = TrayTime.Day(field(item));
        return from is not null && to is not null && day >= from && day <= to;
    };
}
