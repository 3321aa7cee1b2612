namespace TrayBridge.ServiceDefaults.Brazil;

/// <summary>CPF (pessoa física): 11 digits, the last two mod-11 check digits. Tray sends it bare or formatted
/// (<c>123.456.789-09</c>), so everything but the digits is dropped before checking.</summary>
public static class Cpf
{
    public const int Length = 11;

    /// <summary>The digits only; null when nothing is left.</summary>
    public static string? Normalize(string? raw) => Digits.OrNull(raw);

    /// <summary>Whether the CPF is valid once its formatting is dropped.</summary>
    public static bool IsValid(string? raw)
    {
        var cpf = Normalize(raw);
        // All-equal digits pass the arithmetic but are not issued (000.000.000-00, 111.111.111-11, …).
        if (cpf is not { Length: Length } || cpf.All(c => c == cpf[0])) return false;
        return CheckDigit(cpf, 9) == cpf[9] - '0' && CheckDigit(cpf, 10) == cpf[10] - '0';
    }

    /// <summary>Whether the value is a valid CPF as stored: bare, 11 digits and nothing else.</summary>
    public static bool IsValidBare(string? value) => value is not null && Normalize(value) == value && IsValid(value);

    /// <summary><c>000.000.000-00</c>, for people to read; the value itself is stored bare.</summary>
    public static string Format(string cpf) =>
        cpf.Length == Length ? $"{cpf[..3]}.{cpf[3..6]}.{cpf[6..9]}-{cpf[9..]}" : cpf;

    // Weights count down to 2 from count + 1; a remainder under 2 gives 0.
    private static int CheckDigit(string cpf, int count)
    {
        var sum = 0;
        for (var i = 0; i < count; i++) sum += (cpf[i] - '0') * (count + 1 - i);
        var remainder = sum % 11;
        return remainder < 2 ? 0 : 11 - remainder;
    }
}
