namespace TrayBridge.ServiceDefaults.Brazil;

/// <summary>The digits of what people and Tray type (a CEP, a phone, a CPF, an NCM as <c>6109.10.00</c>): everything
/// else is formatting and goes.</summary>
public static class Digits
{
    /// <summary>Only the ASCII digits; empty when there are none.</summary>
    public static string Only(string? text) => string.Concat((text ?? "").Where(char.IsAsciiDigit));

    /// <summary>Only the ASCII digits; null when none are left (an absent value stays absent).</summary>
    public static string? OrNull(string? text) => Only(text) is { Length: > 0 } digits ? digits : null;
}
