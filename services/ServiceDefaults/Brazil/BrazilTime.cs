using System.Globalization;

namespace TrayBridge.ServiceDefaults.Brazil;

/// <summary>São Paulo time, the merchant's and Tray's: the servers run in UTC, a merchant's "today", the API's date
/// filters and Tray's timestamps without an offset are São Paulo's.</summary>
public static class BrazilTime
{
    public static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    /// <summary>The São Paulo wall-clock time of an instant.</summary>
    public static System.DateTime ToSaoPaulo(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, SaoPaulo).DateTime;

    /// <summary>The instant a São Paulo wall-clock time stands for.</summary>
    public static DateTimeOffset FromSaoPaulo(System.DateTime local) =>
        new(local, SaoPaulo.GetUtcOffset(System.DateTime.SpecifyKind(local, DateTimeKind.Unspecified)));

    /// <summary>The São Paulo day an instant falls on.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(ToSaoPaulo(now));

    /// <summary>dd/MM/yyyy of the São Paulo day.</summary>
    public static string Date(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, SaoPaulo).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>dd/MM/yyyy HH:mm in São Paulo.</summary>
    public static string DateTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, SaoPaulo).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The instant a São Paulo day starts.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, SaoPaulo.GetUtcOffset(local));
    }

    /// <summary>A bound of a filter: a São Paulo day (yyyy-MM-dd; <paramref name="end"/> takes the next day's start so
    /// the day is included) or an instant (ISO 8601). Null when the text is neither.</summary>
    public static DateTimeOffset? Bound(string text, bool end)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return StartOf(end ? day.AddDays(1) : day);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
    }
}
