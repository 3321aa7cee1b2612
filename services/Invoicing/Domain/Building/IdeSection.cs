using System.Globalization;
using System.Xml.Linq;
using TrayBridge.Invoicing.Domain.Emitters;
using TrayBridge.Invoicing.Domain.Fiscal;
using TrayBridge.Invoicing.Domain.Keys;
using TrayBridge.Invoicing.Domain.Taxes;
using static TrayBridge.Invoicing.Domain.Building.NfeXml;

namespace TrayBridge.Invoicing.Domain.Building;

/// <summary><c>ide</c>, in the schema's order. Fixed here: model 55, an outgoing note (tpNF 1), portrait DANFE (tpImp 1),
/// normal emission (tpEmis 1, no contingency), a normal note (finNFe 1), an internet sale (indPres 2) and the
/// emitter's own application (procEmi 0).</summary>
internal static class IdeSection
{
    public static XElement Write(
        Emitter emitter, AccessKey key, DateTimeOffset issuedAt, Operation operation, bool marketplace, string appVersion) =>
        E("ide",
            E("cUF", key.StateCode),
            E("cNF", key.Cnf),
            E("natOp", NfeText.Clean(emitter.Taxes.NatureOfOperation, 60)),
            E("mod", key.Model),
            E("serie", key.Series.ToString(CultureInfo.InvariantCulture)),
            E("nNF", key.Number.ToString(CultureInfo.InvariantCulture)),
            E("dhEmi", NfeFormat.DateTime(issuedAt)),
            E("tpNF", "1"),
            E("idDest", operation.IdDest.ToString(CultureInfo.InvariantCulture)),
            E("cMunFG", emitter.Address.CityCode),
            E("tpImp", "1"),
            E("tpEmis", key.EmissionType.ToString(CultureInfo.InvariantCulture)),
            E("cDV", key.CheckDigit.ToString(CultureInfo.InvariantCulture)),
            E("tpAmb", ((int)emitter.Environment).ToString(CultureInfo.InvariantCulture)),
            E("finNFe", "1"),
            E("indFinal", operation.FinalConsumer ? "1" : "0"),
            E("indPres", "2"),
            // NT 2020.006: 1 when a marketplace intermediated the sale (then infIntermed), 0 for the store's own site.
            E("indIntermed", marketplace ? "1" : "0"),
            E("procEmi", "0"),
            E("verProc", NfeText.Clean(appVersion, 20)));
}
