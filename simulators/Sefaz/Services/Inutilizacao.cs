using System.Xml;
using System.Xml.Linq;
using TrayBridge.SefazSimulator.Ledger;
using TrayBridge.SefazSimulator.Processing;
using TrayBridge.SefazSimulator.Schemas;
using TrayBridge.SefazSimulator.Settings;
using TrayBridge.SefazSimulator.Validation;
using static TrayBridge.SefazSimulator.Soap.Messages;

namespace TrayBridge.SefazSimulator.Services;

/// <summary>NFeInutilizacao4 (inutNFe, nfe.md §4.6): voids a range of a série that was never authorized (102), signed
/// like an NF-e over <c>infInut</c>. 224 inverted range, 241 a number already authorized, 256 already voided. A voided
/// number sent later as an NF-e meets 206.</summary>
public sealed class Inutilizacao(SchemaCatalog schemas, NoteLedger ledger, SettingsHolder settings) : ISefazService
{
    public string Name => "NFeInutilizacao4";
    public string Message => "inutNFe";

    public SoapAnswer Handle(XmlElement payload, DateTimeOffset received)
    {
        var current = settings.Current;
        var xml = Soap.Payload.Standalone(payload);
        var inf = XElement.Parse(xml).Element(Nfe + "infInut");
        string F(string name) => inf?.Element(Nfe + name)?.Value ?? "";
        var errors = schemas.Validate(xml, "inutNFe_v4.00.xsd");
        if (errors.Count > 0) return Answer(current, Codes.SchemaFailure, F("cUF"), received, null, null, string.Join(" | ", errors.Take(5)));
        var dom = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        dom.LoadXml(xml);
        var signature = SignatureCheck.Verify(dom, (string)inf!.Attribute("Id")!);
        int first = int.Parse(F("nNFIni")), last = int.Parse(F("nNFFin")), serie = int.Parse(F("serie"));
        var status = signature.Rejection
                     ?? CertificateRules.Check(signature.Certificate!, F("CNPJ"), received)
                     ?? (F("tpAmb") != current.TpAmb.ToString() ? Codes.EnvironmentDiffers : null)
                     ?? (first > last ? Codes.RangeInverted : null);
        if (status is not null) return Answer(current, status, F("cUF"), received, inf, null);
        lock (ledger.Sync)
        {
            var range = new VoidedRange(F("CNPJ"), F("mod"), serie, first, last, ledger.NextProtocol(F("cUF"), received), received);
            var slots = Enumerable.Range(first, Math.Min(last - first + 1, 10_000))
                .Select(n => new NumberSlot(range.Issuer, range.Model, serie == 0 ? "" : serie.ToString(), n.ToString()));
            if (ledger.Voided().Any(v => v.Issuer == range.Issuer && v.Model == range.Model && v.Serie == serie && v.First <= last && first <= v.Last))
                return Answer(current, Codes.RangeVoided, F("cUF"), received, inf, null);
            if (slots.Any(s => ledger.ByNumber(s) is not null)) return Answer(current, Codes.RangeUsed, F("cUF"), received, inf, null);
            ledger.Void(range);
            return Answer(current, Codes.InutilizacaoHomologada, F("cUF"), received, inf, range.NProt);
        }
    }

    private static SoapAnswer Answer(SefazSettings current, Status status, string cUF, DateTimeOffset received, XElement? request,
        string? nProt, string? detail = null)
    {
        object? Echo(string name) => request?.Element(Nfe + name) is { } e ? E(name, e.Value) : null;
        var inf = new XElement(Nfe + "infInut", Head(current.TpAmb, status), E("cUF", cUF.Length == 2 ? cUF : "35"),
            Echo("ano"), Echo("CNPJ"), Echo("mod"), Echo("serie"), Echo("nNFIni"), Echo("nNFFin"),
            E("dhRecbto", Timestamps.Format(received)), nProt is null ? null : E("nProt", nProt));
        return new SoapAnswer(new XElement(Nfe + "retInutNFe", new XAttribute("versao", "4.00"), inf), status, detail);
    }
}
