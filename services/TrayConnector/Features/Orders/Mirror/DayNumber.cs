using System.Globalization;

namespace TrayBridge.TrayConnector.Features.Orders.Mirror;

/// <summary>A São Paulo day as the number yyyymmdd: what the mirror stores and the day filters compare.</summary>
public static class DayNumber
{
    public static int Of(DateOnly day) => day.Year * 10_000 + day.Month * 100 + day.Day;

    public static int? Parse(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? Of(day) : null;

    public static string? Format(int number) => number == 0 ? null : $"{number / 10_000:0000}-{number / 100 % 100:00}-{number % 100:00}";
}
