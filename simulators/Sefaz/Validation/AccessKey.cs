namespace TrayBridge.SefazSimulator.Validation;

/// <summary>The 44-character chave de acesso (nfe.md §1): its fields and its modulo-11 check digit.</summary>
public static class AccessKey
{
    /// <summary>Modulo 11 with weights 2..9 from the right; remainder 0 or 1 gives 0 (nfe.md §1.2). <c>c - '0'</c> also
    /// covers the letters of an alphanumeric CNPJ (NT Conjunta 2025.001).</summary>
    public static int CheckDigit(string first43)
    {
        int sum = 0, weight = 2;
        for (var i = first43.Length - 1; i >= 0; i--)
        {
            sum += (first43[i] - '0') * weight;
            weight = weight == 9 ? 2 : weight + 1;
        }
        var remainder = sum % 11;
        return remainder < 2 ? 0 : 11 - remainder;
    }

    public static bool HasValidCheckDigit(string key) =>
        key.Length == 44 && char.IsAsciiDigit(key[43]) && CheckDigit(key[..43]) == key[43] - '0';

    /// <summary>The key the fields of <c>ide</c>/<c>emit</c> make, with the given check digit.</summary>
    public static string Compose(string cUF, string yyMM, string issuerDocument, string mod, string serie, string nNF,
        string tpEmis, string cNF, string cDV) =>
        cUF + yyMM + issuerDocument.PadLeft(14, '0') + mod + serie.PadLeft(3, '0') + nNF.PadLeft(9, '0') + tpEmis + cNF + cDV;

    public static string YearMonth(string key) => key.Substring(2, 4);

    public static string NumericCode(string key) => key.Substring(35, 8);
}
