namespace TrayBridge.ServiceDefaults.Brazil;

/// <summary>CNPJ (pessoa jurídica): 14 characters, the last two mod-11 check digits. Since July 2026 the Receita also
/// issues alphanumeric CNPJs (IN RFB 2.229/2024): the first 12 characters may be 0–9 or A–Z, the check digits stay
/// numeric, and each character counts as its ASCII code − 48 ('0' = 0, 'A' = 17), so numeric CNPJs check as before.</summary>
public static class Cnpj
{
    public const int Length = 14;

    /// <summary>Letters and digits only, upper case (Tray formats it as <c>00.000.000/0000-00</c>); null when empty.</summary>
    public static string? Normalize(string? raw)
    {
        var text = string.Concat((raw ?? "").Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();
        return text.Length == 0 ? null : text;
    }

    /// <summary>Whether the CNPJ is valid once its formatting is dropped.</summary>
    public static bool IsValid(string? raw)
    {
        var cnpj = Normalize(raw);
        if (cnpj is not { Length: Length } || !char.IsAsciiDigit(cnpj[12]) || !char.IsAsciiDigit(cnpj[13])) return false;
        // All-equal digits pass the arithmetic but are not issued (00.000.000/0000-00).
        if (cnpj.All(c => c == cnpj[0])) return false;
        return CheckDigit(cnpj, 12) == cnpj[12] - '0' && CheckDigit(cnpj, 13) == cnpj[13] - '0';
    }

    /// <summary>Whether the value is a valid CNPJ as stored and printed: bare, upper case, nothing else.</summary>
    public static bool IsValidBare(string? value) => value is not null && Normalize(value) == value && IsValid(value);

    /// <summary>True when the CNPJ has letters: only PL_010 schemas accept it.</summary>
    public static bool IsAlphanumeric(string cnpj) => cnpj.Any(char.IsAsciiLetter);

    /// <summary><c>00.000.000/0000-00</c> (letters kept in place), for people to read; the value is stored bare.</summary>
    public static string Format(string cnpj) =>
        cnpj.Length == Length ? $"{cnpj[..2]}.{cnpj[2..5]}.{cnpj[5..8]}/{cnpj[8..12]}-{cnpj[12..]}" : cnpj;

    // Weights 2..9 repeat from the right; a remainder under 2 gives 0. Upper-case letters only: the normalisation
    // above upper-cases, so a lower-case letter never gets here with the wrong value.
    private static int CheckDigit(string cnpj, int count)
    {
        var sum = 0;
        for (var i = 0; i < count; i++) sum += (cnpj[i] - '0') * (2 + (count - 1 - i) % 8);
        var remainder = sum % 11;
        return remainder < 2 ? 0 : 11 - remainder;
    }
}
