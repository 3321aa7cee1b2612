using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;
using TrayBridge.SefazSimulator.Hosting;
using TrayBridge.SefazSimulator.Settings;

namespace TrayBridge.SefazSimulator.Tests.Support;

/// <summary>A simulator on a loopback port with a fake clock, and a client speaking SOAP 1.2 to it as an issuer does.</summary>
public sealed class SefazSession : IAsyncDisposable
{
    public static readonly XNamespace Nfe = "http://www.portalfiscal.inf.br/nfe";

    /// <summary>The fake clock's start: a little after <see cref="TestNfe"/>'s default dhEmi, so notes are on time.</summary>
    public static readonly DateTimeOffset Start = new(2024, 1, 15, 14, 0, 0, TimeSpan.Zero);

    private SefazSession(SefazSimulatorHost host, FakeTimeProvider clock, HttpClient http) => (Host, Clock, Http) = (host, clock, http);

    public SefazSimulatorHost Host { get; }
    public FakeTimeProvider Clock { get; }
    public HttpClient Http { get; }

    public static async Task<SefazSession> StartAsync(Action<SefazSettings>? configure = null, TimeSpan? clientTimeout = null)
    {
        var clock = new FakeTimeProvider(Start);
        var host = await SefazSimulatorHost.StartAsync(clock, configure: configure);
        var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = clientTimeout ?? TimeSpan.FromSeconds(30) };
        return new SefazSession(host, clock, http);
    }

    /// <summary>enviNFe with the given signed NF-e; the answer's retEnviNFe.</summary>
    public async Task<XElement> AuthorizeAsync(int indSinc, params string[] signedNfes)
    {
        var lot = $"<enviNFe xmlns=\"{Nfe.NamespaceName}\" versao=\"4.00\"><idLote>1</idLote><indSinc>{indSinc}</indSinc>"
                  + string.Concat(signedNfes.Select(WithoutDeclaration)) + "</enviNFe>";
        return await CallAsync("NFeAutorizacao4", lot);
    }

    public Task<XElement> ConsultReceiptAsync(string nRec) =>
        CallAsync("NFeRetAutorizacao4", $"<consReciNFe xmlns=\"{Nfe.NamespaceName}\" versao=\"4.00\"><tpAmb>2</tpAmb><nRec>{nRec}</nRec></consReciNFe>");

    public Task<XElement> ConsultKeyAsync(string key) =>
        CallAsync("NFeConsultaProtocolo4",
            $"<consSitNFe xmlns=\"{Nfe.NamespaceName}\" versao=\"4.00\"><tpAmb>2</tpAmb><xServ>CONSULTAR</xServ><chNFe>{key}</chNFe></consSitNFe>");

    public Task<XElement> StatusAsync() =>
        CallAsync("NFeStatusServico4",
            $"<consStatServ xmlns=\"{Nfe.NamespaceName}\" versao=\"4.00\"><tpAmb>2</tpAmb><cUF>35</cUF><xServ>STATUS</xServ></consStatServ>");

    /// <summary>POSTs the message inside nfeDadosMsg and returns what nfeResultMsg holds (fails on a non-200 answer).</summary>
    public async Task<XElement> CallAsync(string service, string message)
    {
        using var response = await PostAsync(service, message);
        var body = await response.Content.ReadAsStringAsync(Test.Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.StartsWith("application/soap+xml", response.Content.Headers.ContentType!.ToString());
        var result = XDocument.Parse(body).Descendants(XName.Get("nfeResultMsg", "http://www.portalfiscal.inf.br/nfe/wsdl/" + service)).Single();
        return result.Elements().Single();
    }

    public Task<HttpResponseMessage> PostAsync(string service, string message, string path = "")
    {
        var envelope = "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap12:Envelope xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                       + "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:soap12=\"http://www.w3.org/2003/05/soap-envelope\"><soap12:Body>"
                       + $"<nfeDadosMsg xmlns=\"http://www.portalfiscal.inf.br/nfe/wsdl/{service}\">{message}</nfeDadosMsg></soap12:Body></soap12:Envelope>";
        var content = new StringContent(envelope, Encoding.UTF8, "application/soap+xml");
        return Http.PostAsync(path.Length > 0 ? path : $"ws/{service}/{service}.asmx", content, Test.Ct);
    }

    public static string WithoutDeclaration(string xml) =>
        xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml[(xml.IndexOf("?>", StringComparison.Ordinal) + 2)..] : xml;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
