namespace TrayBridge.TraySimulator.Tray;

/// <summary>What a list endpoint lets a caller filter and sort by (its <c>availableFilters</c>, tray-api.md §1.5).</summary>
public sealed class ListSpec<T>
{
    public required string Collection { get; init; }
    public required Func<T, long> Id { get; init; }
    public Dictionary<string, Func<T, string, bool>> Filters { get; init; } = [];

    /// <summary>Date filters by name, each the instant it compares (São Paulo days, see <see cref="DayRange"/>).</summary>
    public Dictionary<string, Func<T, DateTimeOffset>> Days { get; init; } = [];

    public Dictionary<string, Func<T, IComparable>> Sorts { get; init; } = [];

    /// <summary>Names echoed in <c>availableFilters</c>: those implemented here and the documented ones beyond them.</summary>
    public string[] AvailableFilters { get; init; } = [];

    public static Func<T, string, bool> Exact(Func<T, string?> field) =>
        (item, wanted) => string.Equals(field(item), wanted, StringComparison.OrdinalIgnoreCase);
}
