using System.Globalization;

namespace TrayBridge.Web.Components.Pages.Products;

/// <summary>Reads numbers and dates as a Brazilian merchant types them — "1.234,56", "1234,56" or the browser's "1234.56" — and
/// collects, per field, the Portuguese message of each text that is not one. Blank is "not given" (null).</summary>
public sealed class FormNumbers
{
    public Dictionary<string, string[]> Errors { get; } = [];

    public decimal? Decimal(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var value = text.Trim().Replace("R$", "").Trim();
        // A comma is the decimal separator (pt-BR): dots before it group thousands. Without a comma, a dot is the decimal point.
        if (value.Contains(',')) value = value.Replace(".", "").Replace(',', '.');
        if (decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            return number;
        Errors[field] = ["Informe um número (ex.: 1234,56)."];
        return null;
    }

    public int? Int(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim().Replace(".", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)) return number;
        Errors[field] = ["Informe um número inteiro."];
        return null;
    }

    public DateOnly? Date(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || DateOnly.TryParseExact(text.Trim(), "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            return day;
        Errors[field] = ["Informe uma data (dd/mm/aaaa)."];
        return null;
    }
}
