using System.Globalization;
using System.Xml.Linq;
using TrayBridge.Invoicing.Domain.Keys;
using TrayBridge.Invoicing.Domain.Signing;

namespace TrayBridge.Invoicing.Tests;

/// <summary>Reading a built note back: fields by path, and the acceptance check that a note signed with a certificate
/// of its emitter passes the official XSD of each package and verifies.</summary>
public static class NfeXmlAssert
{
    public static readonly XNamespace Ns = "http://www.portalfiscal.inf.br/nfe";

    /// <summary>The text of the first element at a path under infNFe, e.g. "total/ICMSTot/vNF".</summary>
    public static string? Field(string xml, string path)
    {
        XElement? element = XElement.Parse(xml).Element(Ns + "infNFe");
        foreach (var name in path.Split('/')) element = element?.Element(Ns + name);
        return element?.Value;
    }

    public static decimal Money(string xml, string path) => decimal.Parse(Field(xml, path)!, CultureInfo.InvariantCulture);

    public static IEnumerable<XElement> Items(string xml) => XElement.Parse(xml).Element(Ns + "infNFe")!.Elements(Ns + "det");

    /// <summary>Signs, validates against both packages, verifies; returns the signed XML.</summary>
    public static string SignedAndValid(string xml, params NfeSchemaPackage[] packages)
    {
        var signed = NfeSigner.Sign(xml, TestCertificates.For(XElement.Parse(xml).Descendants(Ns + "emit").Single().Element(Ns + "CNPJ")!.Value));
        foreach (var package in packages.Length == 0 ? [NfeSchemaPackage.Pl009V4, NfeSchemaPackage.Pl010V130] : packages)
            Assert.Empty(SchemaFolders.Validator(package).Validate(signed));
        NfeSignature.Verify(signed);
        return signed;
    }
}
