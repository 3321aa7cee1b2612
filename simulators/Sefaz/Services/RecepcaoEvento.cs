using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using TrayBridge.SefazSimulator.Ledger;
using TrayBridge.SefazSimulator.Processing;
using TrayBridge.SefazSimulator.Schemas;
using TrayBridge.SefazSimulator.Settings;
using TrayBridge.SefazSimulator.Validation;
using static TrayBridge.SefazSimulator.Soap.Messages;

namespace TrayBridge.SefazSimulator.Services;

/// <summary>NFeRecepcaoEvento4 (envEvento, nfe.md §4.8): cancellation (110111) and carta de correção (110110), 1 to 20
/// events of one type per lot, each signed over <c>infEvento</c>. The lot answers 128 (215 when its schema fails) and each
/// event 135 (registered), 155 (a late cancellation a UF accepts) or its rejection: 297/298 signature, 213/291/292
/// certificate, 252 ambiente, 572 Id, 574 author, 578 dhEvento ahead, 236 key, 217 unknown key, 580 a note not (or no
/// longer) authorized, 222 another nProt, 501 past the deadline, 573 the same event again.</summary>
public sealed class RecepcaoEvento(SchemaCatalog schemas, NoteLedger ledger, LotQueue lots, SettingsHolder settings) : ISefazService
{
    public const string Cancellation = "110111", Correction = "110110";

    public string Name => "NFeRecepcaoEvento4";
    public string Message => "envEvento";

    public SoapAnswer Handle(XmlElement payload, DateTimeOffset received)
    {
        var current = settings.Current;
        var xml = Soap.Payload.Standalone(payload);
        var root = XElement.Parse(xml);
        var idLote = root.Element(Nfe + "idLote")?.Value ?? "0";
        var first = root.Element(Nfe + "evento")?.Element(Nfe + "infEvento");
        var cOrgao = first?.Element(Nfe + "cOrgao")?.Value is { Length: 2 } o ? o : "35";
        // The entry schema follows the event type: each admits its own tpEvento only, so a mixed lot fails here.
        var entry = first?.Element(Nfe + "tpEvento")?.Value == Correction ? "envCCe_v1.00.xsd" : "envEventoCancNFe_v1.00.xsd";
        var errors = schemas.Validate(xml, entry);
        if (errors.Count > 0) return Lot(current, Codes.SchemaFailure, idLote, cOrgao, [], string.Join(" | ", errors.Take(5)));
        lots.ProcessDue();
        var results = payload.ChildNodes.OfType<XmlElement>().Where(e => e.LocalName == "evento")
            .Select(evento => Event(current, Soap.Payload.Standalone(evento), received)).ToList();
        return Lot(current, Codes.EventLotProcessed, idLote, cOrgao, results);
    }

    private XElement Event(SefazSettings current, string eventoXml, DateTimeOffset received)
    {
        var dom = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        dom.LoadXml(eventoXml);
        var inf = XElement.Parse(eventoXml).Element(Nfe + "infEvento")!;
        string F(string name) => inf.Element(Nfe + name)?.Value ?? "";
        string D(string name) => inf.Element(Nfe + "detEvento")?.Element(Nfe + name)?.Value ?? "";
        var (key, type, seq) = (F("chNFe"), F("tpEvento"), int.Parse(F("nSeqEvento"), CultureInfo.InvariantCulture));
        var text = type == Cancellation ? D("xJust") : D("xCorrecao");
        var signature = SignatureCheck.Verify(dom, (string)inf.Attribute("Id")!);
        var author = F("CNPJ") is { Length: > 0 } cnpj ? cnpj : F("CPF");
        var status = signature.Rejection
                     ?? CertificateRules.Check(signature.Certificate!, author, received)
                     ?? (F("tpAmb") != current.TpAmb.ToString(CultureInfo.InvariantCulture) ? Codes.EnvironmentDiffers : null)
                     ?? ((string)inf.Attribute("Id")! != $"ID{type}{key}{seq:D2}" ? Codes.EventIdDiffers : null)
                     ?? (DateTimeOffset.Parse(F("dhEvento"), CultureInfo.InvariantCulture) > received.AddMinutes(5) ? Codes.EventInFuture : null)
                     ?? (!AccessKey.HasValidCheckDigit(key) ? Codes.KeyCheckDigit : null);
        EventRecord outcome;
        lock (ledger.Sync)
        {
            status ??= Check(current, key, type, seq, author, D("nProt"), received);
            outcome = new EventRecord(key, type, seq, status.Code, status.Reason,
                status.Code is 135 or 155 ? ledger.NextProtocol(key[..2], received) : null, received, text, null)
            { EventoXml = status.Code is 135 or 155 ? eventoXml : null };
            ledger.RecordEvent(outcome);
        }
        return RetEvento(current, outcome, F("cOrgao"));
    }

    // Under the ledger's lock: two sends of one event cannot both be registered.
    private Status Check(SefazSettings current, string key, string type, int seq, string author, string nProt, DateTimeOffset received)
    {
        if (ledger.ByKey(key) is not { } note) return Codes.NotInDatabase;
        if (note.Issuer != author) return Codes.EventAuthorDiffers;
        var registered = ledger.EventsOf(key);
        if (registered.Any(e => e.TpEvento == type && e.NSeqEvento == seq)) return Codes.EventDuplicate;
        // A denied note, or one already cancelled, takes no event.
        if (!note.Authorized || registered.Any(e => e.TpEvento == Cancellation)) return Codes.EventNeedsAuthorizedNote;
        if (type == Correction)
            return seq <= registered.Where(e => e.TpEvento == Correction).Select(e => e.NSeqEvento).DefaultIfEmpty(0).Max()
                ? Codes.EventDuplicate : Codes.EventRegistered;
        if (nProt != note.NProt) return Codes.ProtocolDiffers;
        if (received - note.DhRecbto <= current.CancellationDeadline) return Codes.EventRegistered;
        return current.LateCancellationAccepted ? Codes.CancellationLate : Codes.CancellationDeadline;
    }

    private static XElement RetEvento(SefazSettings current, EventRecord e, string cOrgao) =>
        new(Nfe + "retEvento", new XAttribute("versao", "1.00"),
            new XElement(Nfe + "infEvento", e.NProt is null ? null : new XAttribute("Id", "ID" + e.NProt),
                E("tpAmb", current.TpAmb), E("verAplic", VerAplic), E("cOrgao", cOrgao), E("cStat", e.CStat), E("xMotivo", e.XMotivo),
                E("chNFe", e.Key), E("tpEvento", e.TpEvento),
                E("xEvento", e.TpEvento == Cancellation ? "Cancelamento" : "Carta de Correcao"),
                E("nSeqEvento", e.NSeqEvento), E("dhRegEvento", Timestamps.Format(e.DhRegEvento)), e.NProt is null ? null : E("nProt", e.NProt)));

    private static SoapAnswer Lot(SefazSettings current, Status status, string idLote, string cOrgao, IReadOnlyList<XElement> events,
        string? detail = null)
    {
        var message = new XElement(Nfe + "retEnvEvento", new XAttribute("versao", "1.00"), E("idLote", idLote), E("tpAmb", current.TpAmb),
            E("verAplic", VerAplic), E("cOrgao", cOrgao), E("cStat", status.Code), E("xMotivo", status.Reason), events);
        // The log shows the first event's outcome: a lot of one is what callers send.
        var shown = events.Count == 1 ? new Status((int)events[0].Descendants(Nfe + "cStat").Single(), (string)events[0].Descendants(Nfe + "xMotivo").Single()) : status;
        return new SoapAnswer(message, shown, detail);
    }
}
