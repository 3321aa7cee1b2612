namespace TrayBridge.Invoicing.Domain.Taxes;

/// <summary>
/// An emitter's tax table: what the generator asks instead of hard-coding. The defaults suit a retailer reselling
/// bought goods to consumers over the internet and are safe against SEFAZ's schema and consistency checks; the tax
/// decisions inside (CFOPs, rates, PIS/COFINS regime, which goods are under ICMS-ST) are the accountant's to confirm.
/// </summary>
public sealed record TaxRules
{
    public static readonly TaxRules Default = new();

    /// <summary><c>natOp</c>.</summary>
    public string NatureOfOperation { get; init; } = "VENDA DE MERCADORIA";

    public CfopTable Cfop { get; init; } = new();

    /// <summary>NCM prefixes (2 to 8 digits) of goods under ICMS-ST, whose tax was withheld earlier: CSOSN 500 or
    /// CST 60 and the ST CFOPs. None by default.</summary>
    public IReadOnlyList<string> SubstituicaoTributariaNcms { get; init; } = [];

    /// <summary>Simples Nacional: CSOSN 102 (taxed by the SN without credit) and 500 for ST goods.</summary>
    public string Csosn { get; init; } = "102";
    public string CsosnSt { get; init; } = "500";

    public IcmsRates Icms { get; init; } = IcmsRates.Default;

    public PisCofinsRule SimplesNacionalPisCofins { get; init; } = PisCofinsRule.SimplesNacional;
    public PisCofinsRule RegimeNormalPisCofins { get; init; } = PisCofinsRule.NaoCumulativo;

    /// <summary>Whether a buyer with an IE buys for its own use (<c>indFinal</c> 1) rather than to resell. Off by default:
    /// B2B e-commerce buyers with an IE are usually resellers.</summary>
    public bool ContributorsAreFinalConsumers { get; init; }

    public bool IsSubstituicaoTributaria(string ncm) =>
        SubstituicaoTributariaNcms.Any(prefix => ncm.StartsWith(prefix, StringComparison.Ordinal));
}
