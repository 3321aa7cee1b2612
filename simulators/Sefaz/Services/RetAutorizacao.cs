using System.Xml;
using System.Xml.Linq;
using TrayBridge.SefazSimulator.Processing;
using TrayBridge.SefazSimulator.Schemas;
using TrayBridge.SefazSimulator.Settings;
using TrayBridge.SefazSimulator.Validation;
using static TrayBridge.SefazSimulator.Soap.Messages;

namespace TrayBridge.SefazSimulator.Services;

/// <summary>NFeRetAutorizacao4 (consReciNFe, nfe.md §4.3): 105 while the lot waits, 104 with one protNFe per NF-e
/// (each with its own cStat), 106 for a receipt never issued.</summary>
public sealed class RetAutorizacao(SchemaCatalog schemas, LotQueue lots, SettingsHolder settings) : ISefazService
{
    public string Name => "NFeRetAutorizacao4";
    public string Message => "consReciNFe";

    public SoapAnswer Handle(XmlElement payload, DateTimeOffset received)
    {
        var current = settings.Current;
        var nRec = Child(payload, "nRec");
        var cUF = nRec is { Length: 15 } ? nRec[..2] : "35";
        var errors = schemas.Validate(Soap.Payload.Standalone(payload), "consReciNFe_v4.00.xsd");
        if (errors.Count > 0) return Answer(current, Codes.SchemaFailure, nRec ?? "000000000000000", cUF, received, [], string.Join(" | ", errors.Take(5)));
        if (Child(payload, "tpAmb") != current.TpAmb.ToString()) return Answer(current, Codes.EnvironmentDiffers, nRec!, cUF, received, []);
        var lot = lots.Find(nRec!);
        if (lot is null) return Answer(current, Codes.LotNotFound, nRec!, cUF, received, []);
        if (lot.Results is null) return Answer(current, Codes.LotInProcess, nRec!, cUF, received, []);
        var protocols = lot.Results.Select(r => Protocol(r, current.TpAmb)).ToList();
        var summary = string.Join(", ", lot.Results.Select(r => $"{r.Key}: {r.CStat}"));
        return Answer(current, Codes.LotProcessed, nRec!, cUF, received, protocols, summary);
    }

    private static SoapAnswer Answer(SefazSettings current, Status status, string nRec, string cUF, DateTimeOffset received,
        List<XElement> protocols, string? detail = null)
    {
        var head = Head(current.TpAmb, status);
        var message = new XElement(Nfe + "retConsReciNFe", new XAttribute("versao", "4.00"), head[0], head[1], E("nRec", nRec),
            head[2], head[3], E("cUF", cUF), E("dhRecbto", Timestamps.Format(received)), protocols);
        return new SoapAnswer(message, status, detail);
    }

    internal static string? Child(XmlElement parent, string name) =>
        parent.ChildNodes.OfType<XmlElement>().FirstOrDefault(e => e.LocalName == name)?.InnerText;
}
