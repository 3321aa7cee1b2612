namespace TrayBridge.SefazSimulator.Validation;

/// <summary>Check digits of CPF and CNPJ (rejections 207, 208, 237).</summary>
public static class Documents
{
    public static bool IsValidCpf(string cpf)
    {
        if (cpf.Length != 11 || !cpf.All(char.IsAsciiDigit) || cpf.Distinct().Count() == 1) return false;
        return Digit(cpf[..9], 10) == cpf[9] - '0' && Digit(cpf[..10], 11) == cpf[10] - '0';

        static int Digit(string digits, int firstWeight)
        {
            var sum = digits.Select((c, i) => (c - '0') * (firstWeight - i)).Sum();
            var remainder = sum % 11;
            return remainder < 2 ? 0 : 11 - remainder;
        }
    }

    /// <summary>Numeric or alphanumeric (first 12 characters [0-9A-Z], value = ASCII − 48) CNPJ.</summary>
    public static bool IsValidCnpj(string cnpj)
    {
        if (cnpj.Length != 14 || !cnpj[12..].All(char.IsAsciiDigit) || !cnpj[..12].All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)))
            return false;
        if (cnpj.Distinct().Count() == 1) return false;
        return Digit(cnpj[..12]) == cnpj[12] - '0' && Digit(cnpj[..13]) == cnpj[13] - '0';

        static int Digit(string chars)
        {
            int sum = 0, weight = 2;
            for (var i = chars.Length - 1; i >= 0; i--)
            {
                sum += (chars[i] - '0') * weight;
                weight = weight == 9 ? 2 : weight + 1;
            }
            var remainder = sum % 11;
            return remainder < 2 ? 0 : 11 - remainder;
        }
    }
}
