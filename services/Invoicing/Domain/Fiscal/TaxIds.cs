namespace TrayBridge.Invoicing.Domain.Fiscal;

/// <summary>CPF and CNPJ check digits, as the Orders service checks them (each service owns its copy). A CNPJ may be
/// alphanumeric (IN RFB 2.229/2024): 12 characters 0–9/A–Z then 2 numeric check digits, each character counting as
/// its ASCII code − 48.</summary>
public static class TaxIds
{
    public static bool IsCnpj(string? value) =>
        value is { Length: 14 } && value[..12].All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c))
        && char.IsAsciiDigit(value[12]) && char.IsAsciiDigit(value[13]) && !value.All(c => c == value[0])
        && CnpjDigit(value, 12) == value[12] - '0' && CnpjDigit(value, 13) == value[13] - '0';

    public static bool IsCpf(string? value) =>
        value is { Length: 11 } && value.All(char.IsAsciiDigit) && !value.All(c => c == value[0])
        && CpfDigit(value, 9) == value[9] - '0' && CpfDigit(value, 10) == value[10] - '0';

    /// <summary>True when the CNPJ has letters: only PL_010 schemas accept it.</summary>
    public static bool IsAlphanumeric(string cnpj) => cnpj.Any(char.IsAsciiLetter);

    private static int CnpjDigit(string cnpj, int count)
    {
        var sum = 0;
        for (var i = 0; i < count; i++) sum += (cnpj[i] - '0') * (2 + (count - 1 - i) % 8);
        return sum % 11 < 2 ? 0 : 11 - sum % 11;
    }

    private static int CpfDigit(string cpf, int count)
    {
        var sum = 0;
        for (var i = 0; i < count; i++) sum += (cpf[i] - '0') * (count + 1 - i);
        return sum % 11 < 2 ? 0 : 11 - sum % 11;
    }
}
