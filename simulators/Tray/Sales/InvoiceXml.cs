using System.Xml;
using System.Xml.Linq;

namespace TrayBridge.TraySimulator.Sales;

/// <summary><c>xml_danfe</c> as Tray documents it (tray-api.md §5.2, §13): the authorized NF-e XML, an <c>nfeProc</c>, whose
/// access key — the protocol's <c>chNFe</c>, else <c>infNFe/@Id</c> without <c>NFe</c> — is the invoice's <c>key</c>.</summary>
public static class InvoiceXml
{
    /// <summary>Null when <paramref name="xml"/> is such an nfeProc, else the cause Tray's 400 gives.</summary>
    public static string? Refusal(string xml, string? key)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return "xml_danfe inválido: informe o XML da NF-e autorizada (nfeProc)";
        }
        if (document.Root is not { Name.LocalName: "nfeProc" } root) return "xml_danfe inválido: o XML não é uma NF-e autorizada (nfeProc)";
        var chNFe = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "chNFe")?.Value.Trim();
        var id = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "infNFe")?.Attribute("Id")?.Value;
        var xmlKey = chNFe is { Length: > 0 } ? chNFe : id is { Length: > 3 } && id.StartsWith("NFe", StringComparison.Ordinal) ? id[3..] : null;
        return xmlKey is not null && xmlKey == key ? null : $"xml_danfe inválido: a chave do XML ({xmlKey ?? "ausente"}) difere da chave informada ({key})";
    }
}
