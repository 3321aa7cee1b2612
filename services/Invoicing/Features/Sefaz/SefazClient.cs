using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml.Linq;

namespace TrayBridge.Invoicing.Features.Sefaz;

/// <summary>SOAP 1.2 to the SEFAZ 4.00 web services (nfe.md §4.1): the message inside <c>nfeDadosMsg</c>, no header, the
/// answer taken from <c>nfeResultMsg</c>. Over https the A1 certificate goes on the handler (mutual TLS, as SEFAZ
/// demands in both environments). No retries here: a failed call leaves the notes pending, retried as due work.</summary>
public sealed class SefazClient(IHttpClientFactory factory, Microsoft.Extensions.Options.IOptions<InvoicingSettings> settings, SefazTrust trust)
{
    public const string Soap12 = "http://www.w3.org/2003/05/soap-envelope";
    public const string WsdlBase = "http://www.portalfiscal.inf.br/nfe/wsdl/";
    public static readonly XNamespace Nfe = "http://www.portalfiscal.inf.br/nfe";

    /// <exception cref="SefazUnavailableException">No answer: down, timeout, an HTTP error or a SOAP fault.</exception>
    public async Task<XElement> CallAsync(Uri url, string service, string message, X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        // The message goes in byte for byte: whitespace between tags is rejected (588) and would break the signatures.
        var body = $"<?xml version=\"1.0\" encoding=\"utf-8\"?><soap12:Envelope xmlns:soap12=\"{Soap12}\"><soap12:Body>"
                   + $"<nfeDadosMsg xmlns=\"{WsdlBase}{service}\">{message}</nfeDadosMsg></soap12:Body></soap12:Envelope>";
        using var content = new StringContent(body, Encoding.UTF8, "application/soap+xml");
        var mutualTls = url.Scheme == Uri.UriSchemeHttps;
        using var ownClient = mutualTls ? MutualTlsClient(certificate, settings.Value.SefazTimeout, trust) : null;
        var client = ownClient ?? factory.CreateClient(nameof(SefazClient));
        string text;
        try
        {
            using var response = await client.PostAsync(url, content, cancellationToken);
            text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode) throw new SefazUnavailableException($"{service}: HTTP {(int)response.StatusCode}");
        }
        catch (HttpRequestException e) { throw new SefazUnavailableException($"{service}: {e.Message}"); }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested) { throw new SefazUnavailableException($"{service}: tempo de resposta esgotado"); }
        try
        {
            var result = XDocument.Parse(text).Descendants(XName.Get("nfeResultMsg", WsdlBase + service)).SingleOrDefault();
            return result?.Elements().FirstOrDefault() ?? throw new SefazUnavailableException($"{service}: resposta sem nfeResultMsg");
        }
        catch (System.Xml.XmlException e) { throw new SefazUnavailableException($"{service}: a resposta não é XML ({e.Message})"); }
    }

    private static HttpClient MutualTlsClient(X509Certificate2 certificate, TimeSpan timeout, SefazTrust trust)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.ClientCertificates = [certificate];
        handler.SslOptions.RemoteCertificateValidationCallback = (_, server, _, errors) => trust.Validate(server, errors);
        return new HttpClient(handler, disposeHandler: true) { Timeout = timeout };
    }
}

/// <summary>SEFAZ gave no usable answer; the notes stay pending and the send is retried later. The message is shown to
/// people (a note's <c>waiting</c>), so it is Portuguese past the web service's name.</summary>
public sealed class SefazUnavailableException(string message) : Exception(message);
