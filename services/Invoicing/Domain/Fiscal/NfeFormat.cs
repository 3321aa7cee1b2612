using System.Globalization;

namespace TrayBridge.Invoicing.Domain.Fiscal;

/// <summary>Numbers and dates as the schema's types want them: invariant culture, a fixed number of decimals (money
/// <c>TDec_1302</c> with exactly 2, so "109.8" is refused), and <c>TDateTimeUTC</c> with the offset and no "Z".</summary>
public static class NfeFormat
{
    public static string Money(decimal value) => Cents(value).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A rate (<c>pICMS</c>, <c>pFCPUFDest</c>…: 2 decimals).</summary>
    public static string Rate(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A PIS/COFINS rate: 4 decimals, as the manuals print them (1.6500).</summary>
    public static string Rate4(decimal value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    public static string Quantity(decimal value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    public static string UnitPrice(decimal value) =>
        Math.Round(value, 10, MidpointRounding.AwayFromZero).ToString("0.0000000000", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Half away from zero, as the NF-e rounds.</summary>
    public static decimal Cents(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
