using System.Globalization;
using System.Xml.Linq;
using TrayBridge.Invoicing.Domain.Fiscal;
using TrayBridge.Invoicing.Domain.Taxes;
using static TrayBridge.Invoicing.Domain.Building.NfeXml;

namespace TrayBridge.Invoicing.Domain.Building;

/// <summary>An item's <c>imposto</c>: ICMS, PIS, COFINS and, for interstate consumer sales, <c>ICMSUFDest</c>, in the
/// schema's order.</summary>
internal static class ImpostoSection
{
    public static XElement Write(ItemTaxes taxes) =>
        E("imposto",
            E("ICMS", Icms(taxes.Icms)),
            E("PIS", PisCofins("PIS", taxes.Pis)),
            E("COFINS", PisCofins("COFINS", taxes.Cofins)),
            taxes.Difal is { } difal ? Difal(difal) : null);

    private static XElement Icms(IcmsTax icms)
    {
        var origin = E("orig", icms.Origin.ToString(CultureInfo.InvariantCulture));
        if (icms.IsCsosn) return E(icms.Group, origin, E("CSOSN", icms.Code));
        if (icms.Group != "ICMS00") return E(icms.Group, origin, E("CST", icms.Code));
        // modBC 3: the base is the value of the operation.
        return E(icms.Group, origin, E("CST", icms.Code), E("modBC", "3"),
            E("vBC", NfeFormat.Money(icms.Base)), E("pICMS", NfeFormat.Rate(icms.Rate)), E("vICMS", NfeFormat.Money(icms.Value)));
    }

    private static XElement PisCofins(string tax, PisCofinsTax value) => value.Group switch
    {
        PisCofinsGroup.NT => E(tax + "NT", E("CST", value.Cst)),
        _ => E(tax + value.Group, E("CST", value.Cst), E("vBC", NfeFormat.Money(value.Base)),
            E("p" + tax, NfeFormat.Rate4(value.Rate)), E("v" + tax, NfeFormat.Money(value.Value))),
    };

    private static XElement Difal(DifalTax difal)
    {
        var fcp = difal.FcpRate > 0;
        return E("ICMSUFDest",
            E("vBCUFDest", NfeFormat.Money(difal.Base)),
            fcp ? E("vBCFCPUFDest", NfeFormat.Money(difal.Base)) : null,
            fcp ? E("pFCPUFDest", NfeFormat.Rate4(difal.FcpRate)) : null,
            E("pICMSUFDest", NfeFormat.Rate4(difal.DestinationRate)),
            E("pICMSInter", NfeFormat.Rate(difal.InterstateRate)),
            E("pICMSInterPart", NfeFormat.Rate4(DifalTax.DestinationShare)),
            fcp ? E("vFCPUFDest", NfeFormat.Money(difal.FcpValue)) : null,
            E("vICMSUFDest", NfeFormat.Money(difal.DestinationValue)),
            E("vICMSUFRemet", NfeFormat.Money(difal.OriginValue)));
    }
}
