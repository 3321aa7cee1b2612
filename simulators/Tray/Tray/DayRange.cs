using TrayBridge.TraySimulator.Settings;

namespace TrayBridge.TraySimulator.Tray;

/// <summary>
/// The value of a date filter: one São Paulo day <c>aaaa-mm-dd</c> or, when <see cref="SimulatorSettings.DateRangeFilter"/>
/// allows it, <c>start,end</c> with both days included (tray-api.md §1.5; the range syntax is UNCONFIRMED). A null range
/// with no refusal is a filter read as none (<see cref="DateRangeSyntax.IgnoresRange"/>).
/// </summary>
public readonly record struct DayRange(DateOnly From, DateOnly To)
{
    public bool Contains(DateTimeOffset instant)
    {
        var day = TrayTime.Day(instant);
        return day >= From && day <= To;
    }

    /// <summary>The range, or why the value is refused (a caller's mistake, answered 400 like any bad parameter).</summary>
    public static (DayRange? Range, string? Refusal) Parse(string name, string value, DateRangeSyntax syntax)
    {
        var parts = value.Split(',');
        if (parts.Length > 1 && syntax == DateRangeSyntax.SingleDayOnly)
            return (null, $"O filtro {name} aceita uma data no formato aaaa-mm-dd");
        if (parts.Length > 2) return (null, $"O filtro {name} aceita aaaa-mm-dd ou aaaa-mm-dd,aaaa-mm-dd");
        // An unreadable day is refused rather than matching nothing: an empty page would hide the caller's mistake.
        if (TrayTime.ParseDay(parts[0]) is not { } from || TrayTime.ParseDay(parts[^1]) is not { } to)
            return (null, $"Data inválida em {name}: use aaaa-mm-dd");
        return parts.Length == 1 ? (new DayRange(from, to), null) : syntax switch
        {
            DateRangeSyntax.IgnoresRange => (null, null),
            DateRangeSyntax.FirstDayOnly => (new DayRange(from, from), null),
            _ => (new DayRange(from, to), null),
        };
    }
}
