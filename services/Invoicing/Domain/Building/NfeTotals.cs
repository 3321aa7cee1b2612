namespace TrayBridge.Invoicing.Domain.Building;

/// <summary><c>ICMSTot</c> as sums of the rounded item values (564: vProd = Σ items; 610: vNF by rule W16-10). No
/// insurance, import tax, IPI, ST or desoneração is ever set by this generator, so those totals are zero.</summary>
internal sealed record NfeTotals(
    decimal IcmsBase, decimal Icms, decimal Fcp, decimal Products, decimal Freight, decimal Discount, decimal OtherCharges,
    decimal Pis, decimal Cofins, bool HasDifal, decimal FcpUfDest, decimal IcmsUfDest, decimal IcmsUfRemet)
{
    /// <summary>vNF = vProd − vDesc − vICMSDeson + vST + vFCPST + vFrete + vSeg + vOutro + vII + vIPI + vIPIDevol.</summary>
    public decimal Total => Products - Discount + Freight + OtherCharges;

    public static NfeTotals Of(IReadOnlyList<NfeItemLine> lines) => new(
        IcmsBase: lines.Sum(l => l.Taxes.Icms.Base),
        Icms: lines.Sum(l => l.Taxes.Icms.Value),
        Fcp: 0m,
        Products: lines.Sum(l => l.Gross),
        Freight: lines.Sum(l => l.Freight),
        Discount: lines.Sum(l => l.Discount),
        OtherCharges: lines.Sum(l => l.OtherCharges),
        Pis: lines.Sum(l => l.Taxes.Pis.Value),
        Cofins: lines.Sum(l => l.Taxes.Cofins.Value),
        HasDifal: lines.Any(l => l.Taxes.Difal is not null),
        FcpUfDest: lines.Sum(l => l.Taxes.Difal?.FcpValue ?? 0m),
        IcmsUfDest: lines.Sum(l => l.Taxes.Difal?.DestinationValue ?? 0m),
        IcmsUfRemet: lines.Sum(l => l.Taxes.Difal?.OriginValue ?? 0m));
}
