using System.Xml;
using System.Xml.Linq;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.Invoices;

/// <summary>The authorized <c>nfeProc</c> Tray's <c>xml_danfe</c> carries (tray-api.md §5.2: the XML itself, not a link),
/// read from Invoicing by the note's signed XML link at the moment it is sent — never a copy kept here, so a note
/// re-signed or corrected since is sent as Invoicing has it now. Refused (and the delivery retried, showing why) when the
/// link fails, answers something absurdly large, or is not the <c>nfeProc</c> of this key.</summary>
public sealed class InvoiceXmlSource(IHttpClientFactory clients)
{
    public const string ClientName = "invoice-xml";
    /// <summary>An nfeProc is tens of KB (a few hundred items stay well under 1 MB); anything bigger is not a note.</summary>
    public const int MaxBytes = 1_048_576;

    public async Task<string> ReadAsync(InvoiceDelivery delivery, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(delivery.XmlUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            throw new InvoiceXmlException($"a NF-e {delivery.Number} não tem link para o XML autorizado");
        string xml;
        try
        {
            using var response = await clients.CreateClient(ClientName).GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new InvoiceXmlException($"o XML da NF-e {delivery.Number} não pôde ser lido no Invoicing (HTTP {(int)response.StatusCode})");
            if (response.Content.Headers.ContentLength > MaxBytes) throw TooBig(delivery);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var bounded = new MemoryStream();
            var buffer = new byte[81_920];
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (bounded.Length + read > MaxBytes) throw TooBig(delivery);
                bounded.Write(buffer, 0, read);
            }
            xml = System.Text.Encoding.UTF8.GetString(bounded.GetBuffer(), 0, (int)bounded.Length).TrimStart('\uFEFF');
        }
        catch (HttpRequestException e)
        {
            throw new InvoiceXmlException($"o Invoicing não respondeu ao pedir o XML da NF-e {delivery.Number} ({e.Message})");
        }
        if (NfeProcKey(xml) != delivery.Key)
            throw new InvoiceXmlException($"o XML recebido para a NF-e {delivery.Number} não é o nfeProc autorizado da chave {delivery.Key}");
        return xml;
    }

    /// <summary>The access key of an <c>nfeProc</c> (its protocol's <c>chNFe</c>, else <c>infNFe/@Id</c> without <c>NFe</c>); null
    /// when the text is not one.</summary>
    public static string? NfeProcKey(string xml)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
        if (document.Root is not { Name.LocalName: "nfeProc" } root) return null;
        var protocolKey = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "chNFe")?.Value.Trim();
        var id = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "infNFe")?.Attribute("Id")?.Value;
        return protocolKey is { Length: > 0 } ? protocolKey : id is { Length: > 3 } && id.StartsWith("NFe", StringComparison.Ordinal) ? id[3..] : null;
    }

    private static InvoiceXmlException TooBig(InvoiceDelivery delivery) =>
        new($"o XML da NF-e {delivery.Number} passa de {MaxBytes / 1024} KB: não é um nfeProc");
}

/// <summary>The authorized XML could not be had as it must be sent; the message is the pt-BR reason the delivery shows.</summary>
public sealed class InvoiceXmlException(string message) : Exception(message);
