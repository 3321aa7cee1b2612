using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace TrayBridge.SefazSimulator.Validation;

/// <summary>One NF-e of a lot, on its own: the exact text (kept for nfeProc), a DOM for the signature and an XElement
/// view for the rules. Schema validation has already passed, so required elements are there.</summary>
public sealed class NfeDocument
{
    public static readonly XNamespace Ns = "http://www.portalfiscal.inf.br/nfe";

    private NfeDocument(string xml, XmlDocument dom, XElement inf) => (Xml, Dom, Inf) = (xml, dom, inf);

    public string Xml { get; }
    public XmlDocument Dom { get; }
    public XElement Inf { get; }

    public static NfeDocument Parse(string xml)
    {
        var dom = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        dom.LoadXml(xml);
        var inf = XElement.Parse(xml, LoadOptions.PreserveWhitespace).Element(Ns + "infNFe")!;
        return new NfeDocument(xml, dom, inf);
    }

    /// <summary>The 44 characters after "NFe" in <c>infNFe/@Id</c>.</summary>
    public string Key => Id.Length > 3 ? Id[3..] : "";

    public string Id => (string?)Inf.Attribute("Id") ?? "";

    public XElement Ide => Inf.Element(Ns + "ide")!;
    public XElement Emit => Inf.Element(Ns + "emit")!;
    public XElement? Dest => Inf.Element(Ns + "dest");
    public IEnumerable<XElement> Items => Inf.Elements(Ns + "det");
    public XElement IcmsTotal => Inf.Element(Ns + "total")!.Element(Ns + "ICMSTot")!;

    public string IssuerDocument => Text(Emit, "CNPJ") ?? Text(Emit, "CPF") ?? "";
    public string Serie => Text(Ide, "serie")!;
    public string Number => Text(Ide, "nNF")!;
    public string Model => Text(Ide, "mod")!;

    public static string? Text(XElement? parent, params string[] path)
    {
        var current = parent;
        foreach (var name in path) current = current?.Element(Ns + name);
        return current?.Value;
    }

    public static decimal Money(XElement? parent, params string[] path) =>
        Text(parent, path) is { } value ? decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture) : 0m;
}
