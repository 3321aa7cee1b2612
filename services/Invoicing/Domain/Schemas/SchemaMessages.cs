using System.Xml.Schema;

namespace TrayBridge.Invoicing.Domain.Schemas;

/// <summary>.NET's schema messages without the namespace noise, prefixed with the element's path, e.g.
/// "/NFe/infNFe/total/ICMSTot/vNF: The 'vNF' element is invalid - The value '109.8' is invalid according to its
/// datatype 'TDec_1302' - The Pattern constraint failed."</summary>
internal static class SchemaMessages
{
    public static string Describe(string path, ValidationEventArgs e)
    {
        var message = e.Message
            .Replace("http://www.portalfiscal.inf.br/nfe:", "", StringComparison.Ordinal)
            .Replace("http://www.w3.org/2000/09/xmldsig#:", "ds:", StringComparison.Ordinal)
            .Replace(" in namespace 'http://www.portalfiscal.inf.br/nfe'", "", StringComparison.Ordinal);
        var severity = e.Severity == XmlSeverityType.Warning ? "warning: " : "";
        return $"{path}: {severity}{message}";
    }
}
