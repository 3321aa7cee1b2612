namespace TrayBridge.TrayConnector.Features.Orders.Mirror;

/// <summary>Tray sends CPF as digits and CNPJ formatted (tray-api.md §6.2); we pass both on bare. The new alphanumeric
/// CNPJ keeps its letters.</summary>
public static class Digits
{
    public static string? Of(string? text) =>
        text is null ? null : new string(text.Where(char.IsAsciiDigit).ToArray()) is { Length: > 0 } digits ? digits : null;

    public static string? OfCnpj(string? text) =>
        text is null ? null : new string(text.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray()) is { Length: > 0 } value
            ? value : null;
}
