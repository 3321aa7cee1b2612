using System.Globalization;
using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.Web.Formatting;

/// <summary>How the panel writes money, dates and counts: Brazilian Portuguese, São Paulo time (the servers run in UTC;
/// a merchant's "today" is São Paulo's).</summary>
public static class Br
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("pt-BR");
    public static readonly TimeZoneInfo SaoPaulo = BrazilTime.SaoPaulo;

    /// <summary>R$ 1.234,56 — always two decimals; a negative value as -R$ 1,00.</summary>
    public static string Money(decimal value) =>
        (value < 0 ? "-" : "") + "R$ " + Math.Abs(value).ToString("#,##0.00", Culture);

    public static string Money(decimal? value) => value is { } v ? Money(v) : "—";

    public static DateTimeOffset InSaoPaulo(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, SaoPaulo);

    /// <summary>dd/MM/yyyy of the São Paulo day the instant falls on.</summary>
    public static string Date(DateTimeOffset instant) => InSaoPaulo(instant).ToString("dd/MM/yyyy", Culture);

    public static string Date(DateTimeOffset? instant) => instant is { } i ? Date(i) : "—";

    /// <summary>dd/MM/yyyy HH:mm in São Paulo.</summary>
    public static string DateTime(DateTimeOffset instant) => InSaoPaulo(instant).ToString("dd/MM/yyyy HH:mm", Culture);

    public static string DateTime(DateTimeOffset? instant) => instant is { } i ? DateTime(i) : "—";

    public static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", Culture);

    public static string Number(decimal value, int decimals = 0) => value.ToString("N" + decimals, Culture);

    /// <summary>"1 pedido" / "3 pedidos".</summary>
    public static string Count(int count, string singular, string plural) => $"{count.ToString("N0", Culture)} {(count == 1 ? singular : plural)}";

    /// <summary>Today's date in São Paulo (yyyy-MM-dd for date inputs).</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(InSaoPaulo(time.GetUtcNow()).DateTime);
}
