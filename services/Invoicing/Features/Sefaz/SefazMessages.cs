using System.Xml.Linq;
using TrayBridge.Invoicing.Domain.Emitters;

namespace TrayBridge.Invoicing.Features.Sefaz;

/// <summary>The small request messages (consReciNFe, consSitNFe) and reading the answers' common fields.</summary>
public static class SefazMessages
{
    private static readonly XNamespace Nfe = SefazClient.Nfe;

    public static string ReceiptQuery(NfeEnvironment environment, string receipt) =>
        $"<consReciNFe xmlns=\"{Nfe.NamespaceName}\" versao=\"4.00\"><tpAmb>{(int)environment}</tpAmb><nRec>{receipt}</nRec></consReciNFe>";

    public static string KeyQuery(NfeEnvironment environment, string key) =>
        $"<consSitNFe xmlns=\"{Nfe.NamespaceName}\" versao=\"4.00\"><tpAmb>{(int)environment}</tpAmb><xServ>CONSULTAR</xServ><chNFe>{key}</chNFe></consSitNFe>";

    public static string CStat(XElement answer) => (string?)answer.Element(Nfe + "cStat") ?? "";

    public static string Reason(XElement answer) => (string?)answer.Element(Nfe + "xMotivo") ?? "";

    public static IEnumerable<XElement> Protocols(XElement answer) => answer.Elements(Nfe + "protNFe");

    /// <summary>infProt's field, e.g. chNFe, cStat, xMotivo, nProt, dhRecbto.</summary>
    public static string? Prot(XElement protNFe, string field) => (string?)protNFe.Element(Nfe + "infProt")?.Element(Nfe + field);
}
