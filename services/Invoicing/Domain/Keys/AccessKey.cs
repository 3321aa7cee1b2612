using System.Globalization;

namespace TrayBridge.Invoicing.Domain.Keys;

/// <summary>
/// The chave de acesso (nfe.md §1): cUF(2) AAMM(4) CNPJ(14) mod(2) série(3) nNF(9) tpEmis(1) cNF(8) cDV(1). Only
/// <see cref="Create"/> and <see cref="Parse"/> make one, so holding a key means its check digit is right.
/// </summary>
public readonly record struct AccessKey
{
    public const int Length = 44;

    private AccessKey(string value) => Value = value;

    public string Value { get; }
    public string StateCode => Value[..2];
    /// <summary>AAMM (yyMM) as <c>dhEmi</c> is written, in the emitter UF's clock (561 otherwise).</summary>
    public string YearMonth => Value[2..6];
    public string Cnpj => Value[6..20];
    public string Model => Value[20..22];
    public int Series => int.Parse(Value[22..25], CultureInfo.InvariantCulture);
    public int Number => int.Parse(Value[25..34], CultureInfo.InvariantCulture);
    public int EmissionType => Value[34] - '0';
    /// <summary>The código numérico (<c>cNF</c>).</summary>
    public string Cnf => Value[35..43];
    public int CheckDigit => Value[43] - '0';
    /// <summary><c>infNFe/@Id</c>: "NFe" and the key.</summary>
    public string Id => "NFe" + Value;

    public static AccessKey Create(
        string stateCode, DateTimeOffset issuedAt, string cnpj, int series, int number, string cnf,
        NfeSchemaPackage package, string model = "55", int emissionType = 1)
    {
        if (stateCode is not { Length: 2 } || !stateCode.All(char.IsAsciiDigit)) throw new ArgumentException($"cUF '{stateCode}' is not 2 digits.", nameof(stateCode));
        if (cnpj is not { Length: 14 } || !cnpj.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c))) throw new ArgumentException($"CNPJ '{cnpj}' is not 14 characters 0-9/A-Z.", nameof(cnpj));
        package.EnsureAccepts(cnpj, "O CNPJ do emitente");
        if (series is < 0 or > 999) throw new ArgumentOutOfRangeException(nameof(series), series, "série is 0-999.");
        if (number is < 1 or > 999_999_999) throw new ArgumentOutOfRangeException(nameof(number), number, "nNF is 1-999999999.");
        if (cnf is not { Length: 8 } || !cnf.All(char.IsAsciiDigit)) throw new ArgumentException($"cNF '{cnf}' is not 8 digits.", nameof(cnf));
        var first43 = string.Create(CultureInfo.InvariantCulture,
            $"{stateCode}{issuedAt:yyMM}{cnpj}{model}{series:000}{number:000000000}{emissionType}{cnf}");
        return new AccessKey(first43 + ComputeCheckDigit(first43));
    }

    /// <summary>Modulo 11 from the right with weights 2..9 repeating; a remainder of 0 or 1 gives 0. Each character counts
    /// as its ASCII code − 48, so the letters of an alphanumeric CNPJ need no special case.</summary>
    public static int ComputeCheckDigit(string first43)
    {
        if (first43 is not { Length: Length - 1 }) throw new ArgumentException("The check digit needs the first 43 characters.", nameof(first43));
        int sum = 0, weight = 2;
        for (var i = first43.Length - 1; i >= 0; i--)
        {
            sum += (first43[i] - '0') * weight;
            weight = weight == 9 ? 2 : weight + 1;
        }
        var remainder = sum % 11;
        return remainder < 2 ? 0 : 11 - remainder;
    }

    public static bool TryParse(string? value, NfeSchemaPackage package, out AccessKey key)
    {
        key = default;
        var text = value?.Trim() ?? "";
        if (text.StartsWith("NFe", StringComparison.Ordinal)) text = text[3..];
        if (text.Length != Length || !text.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c))) return false;
        var lettersOnlyInCnpj = text[..6].All(char.IsAsciiDigit) && text[20..].All(char.IsAsciiDigit);
        if (!lettersOnlyInCnpj || (!package.AcceptsAlphanumericCnpj() && !text.All(char.IsAsciiDigit))) return false;
        if (ComputeCheckDigit(text[..43]) != text[43] - '0') return false;
        key = new AccessKey(text);
        return true;
    }

    public static AccessKey Parse(string value, NfeSchemaPackage package = NfeSchemaPackage.Pl009V4) =>
        TryParse(value, package, out var key) ? key
            : throw new FormatException($"'{value}' is not a valid chave de acesso under {package.FolderName()} (44 characters, right check digit).");

    public override string ToString() => Value;
}
