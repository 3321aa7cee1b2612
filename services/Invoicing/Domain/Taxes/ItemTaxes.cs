namespace TrayBridge.Invoicing.Domain.Taxes;

/// <summary>An item's taxes as the XML writes them, every value already rounded to the cent so the totals are plain
/// sums of what the items show (564/610 otherwise).</summary>
public sealed record ItemTaxes(string Cfop, IcmsTax Icms, PisCofinsTax Pis, PisCofinsTax Cofins, DifalTax? Difal);

/// <summary>ICMS of one item. <see cref="Group"/> is the schema element (ICMSSN102, ICMSSN500, ICMS00, ICMS60);
/// <see cref="Code"/> its CSOSN or CST. Base, rate and value are zero where the group carries none.</summary>
public sealed record IcmsTax(string Group, int Origin, string Code, decimal Base, decimal Rate, decimal Value)
{
    public bool IsCsosn => Group.StartsWith("ICMSSN", StringComparison.Ordinal);
}

/// <summary>PIS or COFINS of one item.</summary>
public sealed record PisCofinsTax(PisCofinsGroup Group, string Cst, decimal Base, decimal Rate, decimal Value);

/// <summary>The <c>ICMSUFDest</c> group (EC 87/2015, LC 190/2022): the destination UF's share of an interstate
/// consumer sale, all of it since 2019 (<c>pICMSInterPart</c> 100), and its FCP when the UF has one.</summary>
public sealed record DifalTax(
    decimal Base, decimal FcpRate, decimal DestinationRate, decimal InterstateRate, decimal FcpValue, decimal DestinationValue)
{
    public const decimal DestinationShare = 100m;
    /// <summary><c>vICMSUFRemet</c>: the origin's share, zero since 2019.</summary>
    public decimal OriginValue => 0m;
}
