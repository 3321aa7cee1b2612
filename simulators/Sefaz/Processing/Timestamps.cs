namespace TrayBridge.SefazSimulator.Processing;

/// <summary>SEFAZ's times (TDateTimeUTC): local Brasília time with its offset, no fraction, never "Z".</summary>
public static class Timestamps
{
    private static readonly TimeSpan Brasilia = TimeSpan.FromHours(-3);

    public static string Format(DateTimeOffset at) => at.ToOffset(Brasilia).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
}
