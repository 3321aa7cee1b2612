using System.Globalization;

namespace TrayBridge.Invoicing.Features;

/// <summary>Dates as the merchant reads them: São Paulo's calendar day, dd/MM/yyyy. The API's date filters are São Paulo
/// days too, so "today" on the screen is today in Brazil whatever the server's clock zone.</summary>
public static class BrazilTime
{
    public static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

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
