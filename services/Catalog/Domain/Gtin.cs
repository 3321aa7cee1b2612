namespace TrayBridge.Catalog.Domain;

/// <summary>EAN/GTIN codes (GTIN-8, -12, -13, -14): digits only, the last one a mod-10 check digit, so a mistyped
/// code is refused here instead of being rejected by Tray or by SEFAZ later.</summary>
public static class Gtin
{
    public static bool IsValid(string? code)
    {
        if (code is not { Length: 8 or 12 or 13 or 14 } || !code.All(char.IsAsciiDigit)) return false;
        // Weights 3 and 1 alternate from the rightmost digit before the check digit.
        var sum = 0;
        for (var i = code.Length - 2; i >= 0; i--)
            sum += (code[i] - '0') * ((code.Length - 2 - i) % 2 == 0 ? 3 : 1);
        return (10 - sum % 10) % 10 == code[^1] - '0';
    }
}
