using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using TrayBridge.SefazSimulator.Hosting;
using TrayBridge.SefazSimulator.Tests.Support;

namespace TrayBridge.SefazSimulator.Tests;

/// <summary>The optional HTTPS mode: like SEFAZ, no answer without a client certificate (the issuer's A1).</summary>
public sealed class MutualTlsTests
{
    [Fact]
    public async Task Without_a_client_certificate_the_handshake_fails_with_the_A1_the_service_answers()
    {
        var server = TestCertificates.Create("localhost");
        await using var host = await SefazSimulatorHost.StartAsync(new FakeTimeProvider(SefazSession.Start), serverCertificate: server);
        var status = "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap12:Envelope xmlns:soap12=\"http://www.w3.org/2003/05/soap-envelope\"><soap12:Body>"
                     + "<nfeDadosMsg xmlns=\"http://www.portalfiscal.inf.br/nfe/wsdl/NFeStatusServico4\"><consStatServ xmlns=\"http://www.portalfiscal.inf.br/nfe\" "
                     + "versao=\"4.00\"><tpAmb>2</tpAmb><cUF>35</cUF><xServ>STATUS</xServ></consStatServ></nfeDadosMsg></soap12:Body></soap12:Envelope>";

        using var anonymous = Client(null);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => anonymous.PostAsync(host.ServiceUrl("NFeStatusServico4"), Content(status), Test.Ct));

        using var withA1 = Client(TestCertificates.Issuer);
        using var response = await withA1.PostAsync(host.ServiceUrl("NFeStatusServico4"), Content(status), Test.Ct);
        Assert.Contains("<cStat>107</cStat>", await response.Content.ReadAsStringAsync(Test.Ct));
        Assert.Contains("11222333000181", host.Admin.Requests().Last().ClientCertificate);
    }

    private static HttpClient Client(X509Certificate2? certificate)
    {
        var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        if (certificate is not null) handler.ClientCertificates.Add(certificate);
        return new HttpClient(handler);
    }

    private static StringContent Content(string envelope) => new(envelope, System.Text.Encoding.UTF8, "application/soap+xml");
}
