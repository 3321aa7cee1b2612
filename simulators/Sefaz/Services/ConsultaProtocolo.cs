using System.Xml;
using System.Xml.Linq;
using TrayBridge.SefazSimulator.Ledger;
using TrayBridge.SefazSimulator.Processing;
using TrayBridge.SefazSimulator.Schemas;
using TrayBridge.SefazSimulator.Settings;
using TrayBridge.SefazSimulator.Validation;
using static TrayBridge.SefazSimulator.Soap.Messages;

namespace TrayBridge.SefazSimulator.Services;

/// <summary>NFeConsultaProtocolo4 (consSitNFe by key): the authorized note's status and protNFe, 217 when the key is
/// not in the base (rejected notes are not registered), 236 for a key with a wrong check digit. How a client recovers
/// the protocol after a timeout or a 204/539 (nfe.md §4.7).</summary>
public sealed class ConsultaProtocolo(SchemaCatalog schemas, NoteLedger ledger, LotQueue lots, SettingsHolder settings) : ISefazService
{
    public string Name => "NFeConsultaProtocolo4";
    public string Message => "consSitNFe";

    public SoapAnswer Handle(XmlElement payload, DateTimeOffset received)
    {
        var current = settings.Current;
        var key = RetAutorizacao.Child(payload, "chNFe") ?? "";
        var cUF = key.Length == 44 ? key[..2] : "35";
        var errors = schemas.Validate(Soap.Payload.Standalone(payload), "consSitNFe_v4.00.xsd");
        if (errors.Count > 0) return Answer(current, Codes.SchemaFailure, key, cUF, received, null, string.Join(" | ", errors.Take(5)));
        if (RetAutorizacao.Child(payload, "tpAmb") != current.TpAmb.ToString()) return Answer(current, Codes.EnvironmentDiffers, key, cUF, received, null);
        if (!AccessKey.HasValidCheckDigit(key)) return Answer(current, Codes.KeyCheckDigit, key, cUF, received, null);
        lots.ProcessDue();
        return ledger.ByKey(key) is { } note
            ? Answer(current, new Status(note.CStat, note.XMotivo), key, cUF, received, Protocol(note, current.TpAmb))
            : Answer(current, Codes.NotInDatabase, key, cUF, received, null);
    }

    private static SoapAnswer Answer(SefazSettings current, Status status, string key, string cUF, DateTimeOffset received,
        XElement? protocol, string? detail = null)
    {
        var message = new XElement(Nfe + "retConsSitNFe", new XAttribute("versao", "4.00"), Head(current.TpAmb, status), E("cUF", cUF),
            E("dhRecbto", Timestamps.Format(received)), E("chNFe", key), protocol);
        return new SoapAnswer(message, status, detail);
    }
}
