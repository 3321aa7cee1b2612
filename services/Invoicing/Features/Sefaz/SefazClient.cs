using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Options;
using TrayBridge.Invoicing.Features.Emitters;

namespace TrayBridge.Invoicing.Features.Sefaz;

/// <summary>SOAP 1.2 to the SEFAZ 4.00 web services (nfe.md §4.1): the message inside <c>nfeDadosMsg</c>, no header, the
/// answer taken from <c>nfeResultMsg</c>. The address is the official table's for the emitter's UF and ambiente
/// (<see cref="SefazWebServices"/>), always https with the A1 certificate on the handler (mutual TLS, as SEFAZ demands in
/// both environments) and the server trusted through <see cref="SefazTrust"/>; plain http only to the operator's override.
/// No redirect is followed, no proxy is used, an answer is read up to <see cref="SefazEndpointSettings.MaxResponseBytes"/>
/// and parsed with DTDs prohibited. No retries here: a failed call leaves the notes pending, retried as due work.</summary>
public sealed class SefazClient(IHttpClientFactory factory, IOptions<InvoicingSettings> settings, SefazTrust trust, SefazWebServices webServices,
    ILogger<SefazClient> logger)
{
    public const string Soap12 = "http://www.w3.org/2003/05/soap-envelope";
    public const string WsdlBase = "http://www.portalfiscal.inf.br/nfe/wsdl/";
    public static readonly XNamespace Nfe = "http://www.portalfiscal.inf.br/nfe";

    /// <exception cref="SefazUnavailableException">No usable answer: down, timeout, an HTTP error, a SOAP fault, a refused
    /// address or answer. Its message is Portuguese and never the transport's own text (that goes to the log).</exception>
    public async Task<XElement> CallAsync(EmitterProfile profile, string service, string message, X509Certificate2 certificate,
        CancellationToken cancellationToken)
    {
        var url = (webServices.For(profile.Emitter.Address.Uf, profile.Emitter.Environment)
                   ?? throw new SefazUnavailableException($"{service}: a UF {profile.Emitter.Address.Uf} não está na tabela de web services da SEFAZ")).Of(service);
        if (url.Scheme != Uri.UriSchemeHttps && !webServices.IsOverride(url))
            throw new SefazUnavailableException($"{service}: endereço da SEFAZ sem https recusado");
        // The message goes in byte for byte: whitespace between tags is rejected (588) and would break the signatures.
        var body = $"<?xml version=\"1.0\" encoding=\"utf-8\"?><soap12:Envelope xmlns:soap12=\"{Soap12}\"><soap12:Body>"
                   + $"<nfeDadosMsg xmlns=\"{WsdlBase}{service}\">{message}</nfeDadosMsg></soap12:Body></soap12:Envelope>";
        using var content = new StringContent(body, Encoding.UTF8, "application/soap+xml");
        var mutualTls = url.Scheme == Uri.UriSchemeHttps;
        using var ownClient = mutualTls ? MutualTlsClient(certificate, settings.Value.SefazTimeout, trust) : null;
        var client = ownClient ?? factory.CreateClient(nameof(SefazClient));
        var limit = settings.Value.Sefaz.MaxResponseBytes;
        byte[] answer;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if ((int)response.StatusCode is >= 300 and < 400)
                throw Unavailable(service, "a SEFAZ respondeu com um redirecionamento, que não é seguido", $"HTTP {(int)response.StatusCode} to {response.Headers.Location}");
            if (!response.IsSuccessStatusCode) throw Unavailable(service, $"a SEFAZ respondeu HTTP {(int)response.StatusCode}", null);
            if (response.Content.Headers.ContentLength > limit) throw Unavailable(service, $"resposta maior que {limit / 1024} KB, recusada", null);
            answer = await ReadBoundedAsync(response.Content, limit, cancellationToken)
                     ?? throw Unavailable(service, $"resposta maior que {limit / 1024} KB, recusada", null);
        }
        catch (HttpRequestException e)
        {
            throw Unavailable(service, e.HttpRequestError switch
            {
                HttpRequestError.SecureConnectionError => "conexão segura recusada (o servidor não é de uma SEFAZ confiável ou não aceitou o certificado A1)",
                HttpRequestError.NameResolutionError => "endereço da SEFAZ não encontrado",
                _ => "sem conexão com a SEFAZ",
            }, e.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested) { throw Unavailable(service, "tempo de resposta esgotado", null); }
        try
        {
            var result = Parse(answer).Descendants(XName.Get("nfeResultMsg", WsdlBase + service)).SingleOrDefault();
            return result?.Elements().FirstOrDefault() ?? throw Unavailable(service, "resposta sem nfeResultMsg", null);
        }
        catch (XmlException e) { throw Unavailable(service, "a resposta não é um XML aceito", e.Message); }
    }

    /// <summary>A DTD (entity expansion, external entities) is refused outright; SEFAZ never sends one.</summary>
    public static XDocument Parse(byte[] xml)
    {
        var readerSettings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, MaxCharactersInDocument = xml.Length + 1L,
        };
        using var reader = XmlReader.Create(new MemoryStream(xml), readerSettings);
        return XDocument.Load(reader);
    }

    private SefazUnavailableException Unavailable(string service, string reason, string? technical)
    {
        if (technical is not null) logger.LogWarning("SEFAZ {Service}: {Reason} ({Technical})", service, reason, technical);
        return new SefazUnavailableException($"{service}: {reason}");
    }

    // Null when the body goes past the limit: a hostile or broken server cannot make us buffer more.
    private static async Task<byte[]?> ReadBoundedAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static HttpClient MutualTlsClient(X509Certificate2 certificate, TimeSpan timeout, SefazTrust trust)
    {
        var handler = NoRedirectNoProxy();
        handler.SslOptions.ClientCertificates = [certificate];
        handler.SslOptions.RemoteCertificateValidationCallback = (_, server, _, errors) => trust.Validate(server, errors);
        return new HttpClient(handler, disposeHandler: true) { Timeout = timeout };
    }

    /// <summary>The handler every SEFAZ call uses: a redirect is an answer (refused), not a new address to post the note
    /// and the certificate to, and an environment proxy never stands between us and SEFAZ.</summary>
    public static SocketsHttpHandler NoRedirectNoProxy() => new() { AllowAutoRedirect = false, UseProxy = false, AutomaticDecompression = DecompressionMethods.None };
}

/// <summary>SEFAZ gave no usable answer; the notes stay pending and the send is retried later. The message is shown to
/// people (a note's <c>waiting</c>), so it is Portuguese past the web service's name.</summary>
public sealed class SefazUnavailableException(string message) : Exception(message);
