namespace TrayBridge.Invoicing.Domain.Fiscal;

/// <summary>The product's barcode for <c>cEAN</c>/<c>cEANTrib</c>: a GTIN-8/12/13/14 with a right check digit, else the
/// literal "SEM GTIN" (NT 2017.001). A wrong check digit would be rejected (611), so it is dropped, not sent.</summary>
public static class Gtin
{
    public const string None = "SEM GTIN";

    public static string ForNfe(string? ean)
    {
        var digits = NfeText.Digits(ean);
        return digits.Length is 8 or 12 or 13 or 14 && digits == ean?.Trim() && CheckDigitIsRight(digits) ? digits : None;
    }

    // GS1: weights 3 and 1 alternate from the digit left of the check digit.
    private static bool CheckDigitIsRight(string gtin)
    {
        var sum = 0;
        for (int i = gtin.Length - 2, weight = 3; i >= 0; i--, weight = 4 - weight) sum += (gtin[i] - '0') * weight;
        return (10 - sum % 10) % 10 == gtin[^1] - '0';
    }
}
