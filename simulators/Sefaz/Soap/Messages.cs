using System.Xml.Linq;
using TrayBridge.SefazSimulator.Ledger;
using TrayBridge.SefazSimulator.Processing;
using TrayBridge.SefazSimulator.Validation;

namespace TrayBridge.SefazSimulator.Soap;

/// <summary>The answer elements, in the element order the 4.00 schemas fix (leiauteNFe, leiauteConsSitNFe…).</summary>
public static class Messages
{
    public static readonly XNamespace Nfe = NfeDocument.Ns;
    public const string VerAplic = "SIM-SEFAZ-HOM_4.00";

    public static XElement E(string name, object? content) => new(Nfe + name, content);

    /// <summary>The head most answers share: tpAmb, verAplic, cStat, xMotivo (their order varies: build the rest around it).</summary>
    public static XElement[] Head(int tpAmb, Status status) =>
        [E("tpAmb", tpAmb), E("verAplic", VerAplic), E("cStat", status.Code), E("xMotivo", status.Reason)];

    /// <summary>protNFe: nProt and its Id only when authorized; digVal whenever the NF-e carried a signature.</summary>
    public static XElement Protocol(NoteRecord note, int tpAmb)
    {
        var inf = new XElement(Nfe + "infProt",
            note.NProt is null ? null : new XAttribute("Id", "ID" + note.NProt),
            E("tpAmb", tpAmb), E("verAplic", VerAplic), E("chNFe", note.Key), E("dhRecbto", Timestamps.Format(note.DhRecbto)),
            note.NProt is null ? null : E("nProt", note.NProt),
            note.DigVal is null ? null : E("digVal", note.DigVal),
            E("cStat", note.CStat), E("xMotivo", note.XMotivo));
        return new XElement(Nfe + "protNFe", new XAttribute("versao", "4.00"), inf);
    }

    /// <summary>The distribution form (nfe.md §4.5): the NF-e as received plus its protocol.</summary>
    public static string NfeProc(NoteRecord note, int tpAmb)
    {
        var protocol = Protocol(note, tpAmb).ToString(SaveOptions.DisableFormatting);
        return $"<nfeProc xmlns=\"{Nfe.NamespaceName}\" versao=\"4.00\">{StripDeclaration(note.NfeXml!)}{protocol}</nfeProc>";
    }

    /// <summary>The distribution form of a registered event: the evento as received plus its retEvento.</summary>
    public static string ProcEvento(EventRecord e, int tpAmb)
    {
        var ret = new XElement(Nfe + "retEvento", new XAttribute("versao", "1.00"),
            new XElement(Nfe + "infEvento", E("tpAmb", tpAmb), E("verAplic", VerAplic), E("cOrgao", e.Key[..2]), E("cStat", e.CStat),
                E("xMotivo", e.XMotivo), E("chNFe", e.Key), E("tpEvento", e.TpEvento), E("nSeqEvento", e.NSeqEvento),
                E("dhRegEvento", Timestamps.Format(e.DhRegEvento)), E("nProt", e.NProt)));
        return $"<procEventoNFe xmlns=\"{Nfe.NamespaceName}\" versao=\"1.00\">{StripDeclaration(e.EventoXml!)}{ret.ToString(SaveOptions.DisableFormatting)}</procEventoNFe>";
    }

    private static string StripDeclaration(string xml) =>
        xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml[(xml.IndexOf("?>", StringComparison.Ordinal) + 2)..] : xml;
}
