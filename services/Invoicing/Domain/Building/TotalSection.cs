using System.Xml.Linq;
using TrayBridge.Invoicing.Domain.Fiscal;
using static TrayBridge.Invoicing.Domain.Building.NfeXml;

namespace TrayBridge.Invoicing.Domain.Building;

/// <summary><c>total/ICMSTot</c> in the schema's order; the DIFAL totals only when some item has the group.</summary>
internal static class TotalSection
{
    public static XElement Write(NfeTotals t)
    {
        static XElement M(string name, decimal value) => E(name, NfeFormat.Money(value));
        return E("total",
            E("ICMSTot",
                M("vBC", t.IcmsBase), M("vICMS", t.Icms), M("vICMSDeson", 0),
                t.HasDifal ? M("vFCPUFDest", t.FcpUfDest) : null,
                t.HasDifal ? M("vICMSUFDest", t.IcmsUfDest) : null,
                t.HasDifal ? M("vICMSUFRemet", t.IcmsUfRemet) : null,
                M("vFCP", t.Fcp), M("vBCST", 0), M("vST", 0), M("vFCPST", 0), M("vFCPSTRet", 0),
                M("vProd", t.Products), M("vFrete", t.Freight), M("vSeg", 0), M("vDesc", t.Discount),
                M("vII", 0), M("vIPI", 0), M("vIPIDevol", 0), M("vPIS", t.Pis), M("vCOFINS", t.Cofins),
                M("vOutro", t.OtherCharges), M("vNF", t.Total)));
    }
}
