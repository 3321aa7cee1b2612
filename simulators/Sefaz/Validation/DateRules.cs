using System.Globalization;

namespace TrayBridge.SefazSimulator.Validation;

/// <summary>
/// dhEmi against the reception time: more than 5 minutes ahead is 703 (clocks drift, SEFAZ tolerates a little);
/// more than 7 days behind is still authorized, as 150 "fora de prazo" (NT 2025.001, nfe.md §2.4).
/// </summary>
public static class DateRules
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LateAfter = TimeSpan.FromDays(7);

    public static Status? Check(NfeDocument nfe, DateTimeOffset received) =>
        Issued(nfe) > received + Tolerance ? Codes.IssuedInFuture : null;

    public static bool IsLate(NfeDocument nfe, DateTimeOffset received) => received - Issued(nfe) > LateAfter;

    private static DateTimeOffset Issued(NfeDocument nfe) =>
        DateTimeOffset.Parse(NfeDocument.Text(nfe.Ide, "dhEmi")!, CultureInfo.InvariantCulture);
}
