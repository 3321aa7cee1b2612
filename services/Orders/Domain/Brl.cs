using System.Globalization;

namespace TrayBridge.Orders.Domain;

/// <summary>Money as Brazilians read it, "R$ 1.234,56". Built by hand rather than from the pt-BR culture, whose
/// currency format puts a no-break space after "R$" and depends on the host's ICU data.</summary>
public static class Brl
{
    private static readonly NumberFormatInfo Format = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    public static string Of(decimal value) => $"R$ {value.ToString("N2", Format)}";

    /// <summary>Half away from zero, as the NF-e rounds.</summary>
    public static decimal Cents(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
