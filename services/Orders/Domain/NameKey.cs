using TrayBridge.ServiceDefaults.Text;

namespace TrayBridge.Orders.Domain;

/// <summary>A name reduced to what people agree on when they type it: no accents, lower case, letters and digits only.
/// "SÃO PAULO" and "Sao Paulo", "Embu-Guaçu" and "Embu Guacu", "Santa Bárbara d'Oeste" and "Santa Barbara D Oeste"
/// share a key. Dropping the spaces as well is safe for municipalities: no two in one UF differ only by them.</summary>
public static class NameKey
{
    public static string Of(string? name)
    {
        return string.Concat(TextFolding.Fold(name ?? "").Where(char.IsLetterOrDigit));
    }
}
