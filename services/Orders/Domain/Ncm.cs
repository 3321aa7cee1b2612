using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.Orders.Domain;

/// <summary>NCM (Nomenclatura Comum do Mercosul), the 8-digit goods code every NF-e item needs. Tray stores it as the
/// merchant typed it, often with dots (<c>6109.10.00</c>), so only the digits count.</summary>
public static class Ncm
{
    /// <summary>The digits only; null when nothing is left.</summary>
    public static string? Normalize(string? raw) => Digits.OrNull(raw);

    public static bool IsValid(string? ncm) => ncm is { Length: 8 } && ncm.All(char.IsAsciiDigit);
}
