using System.Globalization;
using System.Xml.Linq;
using TrayBridge.Invoicing.Domain.Fiscal;
using static TrayBridge.Invoicing.Domain.Building.NfeXml;
using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.Invoicing.Domain.Building;

/// <summary>One <c>det</c>: <c>prod</c> then <c>imposto</c> (<see cref="ImpostoSection"/>). Commercial and taxable units
/// are the same (the store sells what it invoices); the item's share of freight, discount and other charges goes in
/// its own fields, absent when zero.</summary>
internal static class DetSection
{
    public static XElement Write(NfeItemLine line, string orderNumber)
    {
        var item = line.Item;
        var gtin = Gtin.ForNfe(item.Ean);
        var unit = NfeText.Clean(item.Unit, 6) is { Length: > 0 } u ? u : "UN";
        // xPed/nItemPed tie the line to the buyer's order; xPed has at most 15 characters.
        var xPed = NfeText.Clean(orderNumber, 60) is { Length: <= 15 } number ? number : null;
        return E("det", new XAttribute("nItem", item.Line),
            E("prod",
                E("cProd", NfeText.Clean(item.Code, 60) is { Length: > 0 } code ? code : $"ITEM-{item.Line}"),
                E("cEAN", gtin),
                E("xProd", NfeText.Clean(item.Description, 120)),
                E("NCM", item.Ncm),
                Opt("CEST", item.Cest),
                E("CFOP", line.Taxes.Cfop),
                E("uCom", unit),
                E("qCom", NfeFormat.Quantity(item.Quantity)),
                E("vUnCom", NfeFormat.UnitPrice(item.UnitPrice)),
                E("vProd", NfeFormat.Money(line.Gross)),
                E("cEANTrib", gtin),
                E("uTrib", unit),
                E("qTrib", NfeFormat.Quantity(item.Quantity)),
                E("vUnTrib", NfeFormat.UnitPrice(item.UnitPrice)),
                OptMoney("vFrete", line.Freight),
                OptMoney("vDesc", line.Discount),
                OptMoney("vOutro", line.OtherCharges),
                E("indTot", "1"),
                Opt("xPed", xPed),
                xPed is null ? null : E("nItemPed", item.Line.ToString(CultureInfo.InvariantCulture))),
            ImpostoSection.Write(line.Taxes));
    }
}
