using System.Xml;
using System.Xml.Linq;
using TrayBridge.SefazSimulator.Processing;
using TrayBridge.SefazSimulator.Schemas;
using TrayBridge.SefazSimulator.Settings;
using TrayBridge.SefazSimulator.Validation;
using static TrayBridge.SefazSimulator.Soap.Messages;

namespace TrayBridge.SefazSimulator.Services;

/// <summary>
/// NFeAutorizacao4 (enviNFe, nfe.md §4.2–4.3). Lot-level faults reject the whole lot: size (214), editing characters
/// between tags (588), schema (225), one NF-e asked asynchronously (452), several asked synchronously (764).
/// indSinc=1 answers 104 with the protNFe inline; indSinc=0 answers 103 with a receipt.
/// </summary>
public sealed class Autorizacao(SchemaCatalog schemas, NoteProcessor processor, LotQueue lots, SettingsHolder settings) : ISefazService
{
    public string Name => "NFeAutorizacao4";
    public string Message => "enviNFe";

    public SoapAnswer Handle(XmlElement payload, DateTimeOffset received)
    {
        var current = settings.Current;
        lots.ProcessDue();
        var xml = Soap.Payload.Standalone(payload);
        var notes = payload.ChildNodes.OfType<XmlElement>().Where(e => e.LocalName == "NFe").ToList();
        var cUF = notes.Select(n => n.SelectSingleNode("*[local-name()='infNFe']/*[local-name()='ide']/*[local-name()='cUF']")?.InnerText)
            .FirstOrDefault(c => c is { Length: 2 } && c.All(char.IsAsciiDigit)) ?? "35";
        var indSinc = payload.ChildNodes.OfType<XmlElement>().FirstOrDefault(e => e.LocalName == "indSinc")?.InnerText;

        if (Soap.Payload.Utf8Length(xml) > current.MaxLotBytes) return Lot(current, Codes.MessageTooLarge, cUF, received);
        if (HasEditingCharacters(payload)) return Lot(current, Codes.EditingCharacters, cUF, received);
        var errors = schemas.Validate(xml, "enviNFe_v4.00.xsd");
        if (errors.Count > 0) return Lot(current, Codes.LotSchemaFailure, cUF, received, string.Join(" | ", errors.Take(5)));
        if (notes.Count == 1 && indSinc == "0") return Lot(current, Codes.SingleNoteAsync, cUF, received);
        if (notes.Count > 1 && indSinc == "1") return Lot(current, Codes.SyncWithManyNotes, cUF, received);

        var standalone = notes.Select(Soap.Payload.Standalone).ToList();
        if (indSinc == "1")
        {
            var outcome = processor.Process(standalone[0], received, null);
            var answer = Ret(current, Codes.LotProcessed, cUF, received, Protocol(outcome, current.TpAmb));
            return new SoapAnswer(answer, new Status(outcome.CStat, outcome.XMotivo), outcome.Detail);
        }
        var receipt = lots.Enqueue(cUF, standalone, received, current.ReceiptDelay);
        var tMed = Math.Max(1, (int)Math.Ceiling(current.ReceiptDelay.TotalSeconds));
        return new SoapAnswer(Ret(current, Codes.LotReceived, cUF, received, E("infRec", new object[] { E("nRec", receipt), E("tMed", tMed) })),
            Codes.LotReceived, $"nRec {receipt}");
    }

    private static SoapAnswer Lot(SefazSettings current, Status status, string cUF, DateTimeOffset received, string? detail = null) =>
        new(Ret(current, status, cUF, received, null), status, detail);

    private static XElement Ret(SefazSettings current, Status status, string cUF, DateTimeOffset received, XElement? tail) =>
        new(Nfe + "retEnviNFe", new XAttribute("versao", "4.00"), Head(current.TpAmb, status), E("cUF", cUF),
            E("dhRecbto", Timestamps.Format(received)), tail);

    // Whitespace-only text between tags (indentation, line breaks) anywhere in the lot: 588.
    private static bool HasEditingCharacters(XmlNode node) =>
        node.ChildNodes.Cast<XmlNode>().Any(n => n.NodeType is XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace
                                                 || (n is XmlElement && HasEditingCharacters(n)));
}
