namespace TrayBridge.ServiceDefaults.Brazil;

/// <summary>EAN/GTIN codes (GTIN-8, -12, -13, -14): digits only, the last one a GS1 mod-10 check digit. The Catalog
/// refuses a mistyped code when it is typed; the NF-e prints a wrong one as "SEM GTIN", since SEFAZ would reject it (611).</summary>
public static class Gtin
{
    /// <summary>What <c>cEAN</c>/<c>cEANTrib</c> carry when the product has no valid GTIN (NT 2017.001).</summary>
    public const string None = "SEM GTIN";

    public static bool IsValid(string? code)
    {
        if (code is not { Length: 8 or 12 or 13 or 14 } || !code.All(char.IsAsciiDigit)) return false;
        // Weights 3 and 1 alternate from the digit left of the check digit.
        var sum = 0;
        for (int i = code.Length - 2, weight = 3; i >= 0; i--, weight = 4 - weight) sum += (code[i] - '0') * weight;
        return (10 - sum % 10) % 10 == code[^1] - '0';
    }

    /// <summary>The barcode for the NF-e: the code as typed (trimmed) when it is a valid GTIN, else <see cref="None"/>.</summary>
    public static string ForNfe(string? ean) => ean?.Trim() is { } code && IsValid(code) ? code : None;
}
