using System.Globalization;

namespace TrayBridge.TraySimulator.Tray;

/// <summary>Tray writes dates as São Paulo local time without an offset (tray-api.md §1.4), zero dates for empties.</summary>
public static class TrayTime
{
    public const string ZeroDate = "0000-00-00";
    public const string ZeroDateTime = "0000-00-00 00:00:00";

    public static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    public static DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, SaoPaulo).DateTime;

    public static string DateTime(DateTimeOffset instant) => Local(instant).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset? instant) => instant is { } i ? DateTime(i) : ZeroDateTime;

    public static string Date(DateTimeOffset instant) => Local(instant).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset? instant) => instant is { } i ? Date(i) : ZeroDate;

    public static string Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ZeroDate;

    public static string Time(DateTimeOffset instant) => Local(instant).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    public static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant));

    /// <summary>A São Paulo calendar day as written in filters (<c>aaaa-mm-dd</c>).</summary>
    public static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
