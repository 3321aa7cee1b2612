using System.Xml.Linq;

namespace TrayBridge.SefazSimulator.Tests.Support;

/// <summary>Reading answers: the cStat/xMotivo of a message, and of its protNFe.</summary>
public static class Sefaz
{
    private static readonly XNamespace Nfe = SefazSession.Nfe;

    public static int CStat(this XElement message) => (int)message.Element(Nfe + "cStat")!;

    public static string XMotivo(this XElement message) => (string)message.Element(Nfe + "xMotivo")!;

    public static XElement InfProt(this XElement message) => message.Element(Nfe + "protNFe")!.Element(Nfe + "infProt")!;

    public static string? Text(this XElement element, string name) => (string?)element.Element(Nfe + name);

    /// <summary>The single note's outcome of a synchronous lot: (lot cStat, note cStat, note xMotivo).</summary>
    public static (int Lot, int Note, string Reason) Outcome(this XElement retEnviNFe) =>
        retEnviNFe.Element(Nfe + "protNFe") is { } protocol
            ? (retEnviNFe.CStat(), (int)protocol.Element(Nfe + "infProt")!.Element(Nfe + "cStat")!, (string)protocol.Element(Nfe + "infProt")!.Element(Nfe + "xMotivo")!)
            : (retEnviNFe.CStat(), 0, retEnviNFe.XMotivo());
}
