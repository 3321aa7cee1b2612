namespace TrayBridge.Invoicing.Domain.Taxes;

/// <summary>CFOP by where the goods go (same UF → 5xxx, another UF → 6xxx) and who buys (an ICMS contributor, or a
/// non-contributor such as a consumer), with separate codes for goods under ICMS-ST. The defaults are the usual ones
/// for a retailer reselling bought goods; which code fits a business is the accountant's call, so it is a table.</summary>
public sealed record CfopTable
{
    /// <summary>Venda de mercadoria adquirida de terceiros, within the UF.</summary>
    public string Intra { get; init; } = "5102";
    /// <summary>The same, to a contributor in another UF.</summary>
    public string InterstateContributor { get; init; } = "6102";
    /// <summary>Venda … destinada a não contribuinte, in another UF (EC 87/2015 sales).</summary>
    public string InterstateNonContributor { get; init; } = "6108";
    /// <summary>Goods whose ICMS-ST was withheld earlier, within the UF.</summary>
    public string IntraSt { get; init; } = "5405";
    public string InterstateContributorSt { get; init; } = "6404";
    public string InterstateNonContributorSt { get; init; } = "6108";

    public string For(Operation operation, bool substituicaoTributaria) => (operation.Interstate, operation.Contributor, substituicaoTributaria) switch
    {
        (false, _, false) => Intra,
        (false, _, true) => IntraSt,
        (true, true, false) => InterstateContributor,
        (true, true, true) => InterstateContributorSt,
        (true, false, false) => InterstateNonContributor,
        (true, false, true) => InterstateNonContributorSt,
    };
}
