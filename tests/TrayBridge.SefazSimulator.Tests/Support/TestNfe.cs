using System.Globalization;

namespace TrayBridge.SefazSimulator.Tests.Support;

/// <summary>
/// The minimal NF-e of nfe.md §2.2 (Simples Nacional, CSOSN 102, B2C internet sale, homologação), compact, with the parts
/// a test varies. The key is composed from the fields with the modulo-11 digit unless <see cref="KeyOverride"/> is set.
/// </summary>
public sealed record TestNfe
{
    public const string HomologationName = "NF-E EMITIDA EM AMBIENTE DE HOMOLOGACAO - SEM VALOR FISCAL";

    public string CUF { get; init; } = "35";
    public string Cnpj { get; init; } = "11222333000181";
    /// <summary><c>emit/CRT</c>: 1 Simples Nacional (the items' CSOSN stays: the simulator does not tie them to it).</summary>
    public int Crt { get; init; } = 1;
    public int Serie { get; init; } = 1;
    public int Number { get; init; } = 1234;
    public string CNF { get; init; } = "48213697";
    public DateTimeOffset DhEmi { get; init; } = new(2024, 1, 15, 10, 30, 0, TimeSpan.FromHours(-3));
    public int TpAmb { get; init; } = 2;
    public int IdDest { get; init; } = 1;
    public int IndFinal { get; init; } = 1;
    public string DestName { get; init; } = HomologationName;
    public string? DestCpf { get; init; } = "12345678909";
    public string? DestCnpj { get; init; }
    public int IndIEDest { get; init; } = 9;
    public string? DestIe { get; init; }
    public string DestUf { get; init; } = "SP";
    public string DestCMun { get; init; } = "3550308";
    public string DestXMun { get; init; } = "SAO PAULO";
    public IReadOnlyList<TestItem> Items { get; init; } = [new()];
    public decimal? VProdOverride { get; init; }
    public decimal? VNFOverride { get; init; }
    public string? KeyOverride { get; init; }
    public string? VNFText { get; init; }

    public string KeyWithoutDigit =>
        $"{CUF}{DhEmi:yyMM}{Cnpj}55{Serie:D3}{Number:D9}1{CNF}";

    public string Key => KeyOverride ?? KeyWithoutDigit + CheckDigit(KeyWithoutDigit);

    public decimal VProd => VProdOverride ?? Items.Sum(i => i.Product);
    public decimal VFrete => Items.Sum(i => i.Freight);
    public decimal VNF => VNFOverride ?? VProd + VFrete;

    public string Xml() => TestNfeXml.Render(this);

    public string Signed(System.Security.Cryptography.X509Certificates.X509Certificate2? certificate = null) =>
        NfeSigner.Sign(Xml(), certificate ?? TestCertificates.Issuer);

    /// <summary>nfe.md §1.2, written here independently of the simulator's code.</summary>
    public static int CheckDigit(string first43)
    {
        int sum = 0, weight = 2;
        for (var i = 42; i >= 0; i--)
        {
            sum += (first43[i] - '0') * weight;
            weight = weight == 9 ? 2 : weight + 1;
        }
        return sum % 11 < 2 ? 0 : 11 - sum % 11;
    }

    public static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
