using System.Globalization;
using System.Xml.Linq;

namespace TrayBridge.Invoicing.Features.Danfe;

/// <summary>Reads the <see cref="DanfeNote"/> out of an nfeProc (NFe + protNFe, namespace of the portal fiscal). Optional
/// fields the note lacks read as empty text or zero.</summary>
public static class DanfeNoteReader
{
    private static readonly XNamespace Ns = "http://www.portalfiscal.inf.br/nfe";

    public static DanfeNote Read(string nfeProc)
    {
        var root = XElement.Parse(nfeProc);
        var inf = root.Element(Ns + "NFe")?.Element(Ns + "infNFe") ?? throw new FormatException("Not an nfeProc: there is no NFe/infNFe.");
        var protocol = root.Element(Ns + "protNFe")?.Element(Ns + "infProt");
        var ide = inf.Element(Ns + "ide");
        var transp = inf.Element(Ns + "transp");
        return new DanfeNote(
            Key: ((string?)inf.Attribute("Id") ?? "NFe")["NFe".Length..],
            Number: int.Parse(Text(ide, "nNF"), CultureInfo.InvariantCulture),
            Series: int.Parse(Text(ide, "serie"), CultureInfo.InvariantCulture),
            Outgoing: Text(ide, "tpNF") == "1",
            Homologacao: Text(ide, "tpAmb") == "2",
            NatureOfOperation: Text(ide, "natOp"),
            IssuedAt: Date(ide, "dhEmi") ?? throw new FormatException("The note has no dhEmi."),
            LeftAt: Date(ide, "dhSaiEnt"),
            Protocol: Text(protocol, "nProt"),
            AuthorizedAt: Date(protocol, "dhRecbto"),
            Emitter: Party(inf.Element(Ns + "emit"), "enderEmit"),
            Recipient: Party(inf.Element(Ns + "dest"), "enderDest"),
            Totals: inf.Element(Ns + "total")?.Element(Ns + "ICMSTot")?.Elements().ToDictionary(e => e.Name.LocalName, e => Number(e.Value)) ?? [],
            FreightMode: Text(transp, "modFrete"),
            Carrier: transp?.Element(Ns + "transporta") is { } carrier ? Party(carrier, address: null) : null,
            Items: [.. inf.Elements(Ns + "det").Select(Item)],
            AdditionalInfo: Text(inf.Element(Ns + "infAdic"), "infCpl"));
    }

    /// <summary>emit/dest with their address element; transporta keeps its address (xEnder) in itself.</summary>
    private static DanfeParty Party(XElement? party, string? address)
    {
        var at = address is null ? party : party?.Element(Ns + address);
        var street = address is null ? Text(at, "xEnder")
            : string.Join(", ", new[] { Text(at, "xLgr"), Text(at, "nro"), Text(at, "xCpl") }.Where(part => part.Length > 0));
        var document = new[] { "CNPJ", "CPF" }.Select(name => Text(party, name)).FirstOrDefault(d => d.Length > 0) ?? "";
        return new DanfeParty(Text(party, "xNome"), document, Text(party, "IE"), street, Text(at, "xBairro"), Text(at, "xMun"),
            Text(at, "UF"), Text(at, "CEP"), Text(at, "fone"));
    }

    private static DanfeItem Item(XElement det)
    {
        var prod = det.Element(Ns + "prod");
        // ICMS holds one group (ICMS00, ICMSSN102…): its origin and CST or CSOSN, and base, rate and value when taxed.
        var icms = det.Element(Ns + "imposto")?.Element(Ns + "ICMS")?.Elements().FirstOrDefault();
        var cst = Text(icms, "CST") is { Length: > 0 } code ? code : Text(icms, "CSOSN");
        return new DanfeItem(Text(prod, "cProd"), Text(prod, "xProd"), Text(prod, "NCM"), Text(icms, "orig") + cst, Text(prod, "CFOP"),
            Text(prod, "uCom"), Number(Text(prod, "qCom")), Number(Text(prod, "vUnCom")), Number(Text(prod, "vProd")),
            Number(Text(icms, "vBC")), Number(Text(icms, "vICMS")), Number(Text(icms, "pICMS")));
    }

    private static string Text(XElement? parent, string name) => (string?)parent?.Element(Ns + name) ?? "";

    private static decimal Number(string text) => text.Length == 0 ? 0m : decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static DateTimeOffset? Date(XElement? parent, string name) =>
        Text(parent, name) is { Length: > 0 } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture) : null;
}
