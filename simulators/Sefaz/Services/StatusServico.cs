using System.Xml;
using System.Xml.Linq;
using TrayBridge.SefazSimulator.Faults;
using TrayBridge.SefazSimulator.Processing;
using TrayBridge.SefazSimulator.Schemas;
using TrayBridge.SefazSimulator.Settings;
using TrayBridge.SefazSimulator.Validation;
using static TrayBridge.SefazSimulator.Soap.Messages;

namespace TrayBridge.SefazSimulator.Services;

/// <summary>NFeStatusServico4: 107 while up; when taken down, 108 with dhRetorno for a timed outage, 109 otherwise.
/// It keeps answering while the other services are down, as SEFAZ's status service does.</summary>
public sealed class StatusServico(SchemaCatalog schemas, FaultState faults, SettingsHolder settings) : ISefazService
{
    public string Name => "NFeStatusServico4";
    public string Message => "consStatServ";

    public SoapAnswer Handle(XmlElement payload, DateTimeOffset received)
    {
        var current = settings.Current;
        var cUF = RetAutorizacao.Child(payload, "cUF") is { Length: 2 } uf ? uf : "35";
        var errors = schemas.Validate(Soap.Payload.Standalone(payload), "consStatServ_v4.00.xsd");
        var status = errors.Count > 0 ? Codes.SchemaFailure
            : RetAutorizacao.Child(payload, "tpAmb") != current.TpAmb.ToString() ? Codes.EnvironmentDiffers
            : !faults.IsDown ? Codes.InOperation
            : faults.BackAt is null ? Codes.PausedNoForecast : Codes.PausedShortTerm;
        var tMed = Math.Max(1, (int)Math.Ceiling(current.ReceiptDelay.TotalSeconds));
        var message = new XElement(Nfe + "retConsStatServ", new XAttribute("versao", "4.00"), Head(current.TpAmb, status), E("cUF", cUF),
            E("dhRecbto", Timestamps.Format(received)),
            status == Codes.InOperation ? E("tMed", tMed) : null,
            status == Codes.PausedShortTerm ? E("dhRetorno", Timestamps.Format(faults.BackAt!.Value)) : null);
        return new SoapAnswer(message, status, errors.Count > 0 ? string.Join(" | ", errors.Take(5)) : null);
    }
}
