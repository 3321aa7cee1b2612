namespace TrayBridge.SefazSimulator.Validation;

/// <summary>
/// The totals (nfe.md §2.4, rule W16-10): vProd is the sum of the items with indTot=1 (564), and vNF is
/// vProd − vDesc − vICMSDeson + vST + vFCPST + vFrete + vSeg + vOutro + vII + vIPI + vIPIDevol + vServ (610).
/// </summary>
public static class TotalRules
{
    public static Status? Check(NfeDocument nfe)
    {
        var tot = nfe.IcmsTotal;
        var items = nfe.Items.Select(d => d.Element(NfeDocument.Ns + "prod")!)
            .Where(p => NfeDocument.Text(p, "indTot") == "1")
            .Sum(p => NfeDocument.Money(p, "vProd"));
        var vProd = NfeDocument.Money(tot, "vProd");
        if (items != vProd) return Codes.ProductTotal;
        var vServ = NfeDocument.Money(nfe.Inf.Element(NfeDocument.Ns + "total"), "ISSQNtot", "vServ");
        decimal M(string name) => NfeDocument.Money(tot, name);
        var expected = vProd - M("vDesc") - M("vICMSDeson") + M("vST") + M("vFCPST") + M("vFrete") + M("vSeg") + M("vOutro")
                       + M("vII") + M("vIPI") + M("vIPIDevol") + vServ;
        return expected == M("vNF") ? null : Codes.InvoiceTotal;
    }
}
