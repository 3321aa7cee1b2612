using System.Text;
using TrayBridge.SefazSimulator.Tests.Support;

namespace TrayBridge.SefazSimulator.Tests;

/// <summary>What is not a well-formed SOAP 1.2 call to a known service gets a SOAP Fault, not a cStat.</summary>
public sealed class SoapProtocolTests
{
    [Fact]
    public async Task SOAP_1_1_content_type_is_415()
    {
        await using var sefaz = await SefazSession.StartAsync();

        using var response = await sefaz.Http.PostAsync("ws/NFeStatusServico4/NFeStatusServico4.asmx",
            new StringContent("<x/>", Encoding.UTF8, "text/xml"), Test.Ct);

        Assert.Equal(415, (int)response.StatusCode);
    }

    [Fact]
    public async Task A_broken_envelope_or_a_message_for_another_service_is_a_sender_fault()
    {
        await using var sefaz = await SefazSession.StartAsync();

        using var broken = await sefaz.Http.PostAsync("ws/NFeStatusServico4/NFeStatusServico4.asmx",
            new StringContent("<soap12:Envelope", Encoding.UTF8, "application/soap+xml"), Test.Ct);
        using var misplaced = await sefaz.PostAsync("NFeStatusServico4", "<consSitNFe xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"4.00\"/>");
        using var unknown = await sefaz.PostAsync("NFeDistribuicaoDFe", "<distDFeInt/>");

        Assert.Equal(400, (int)broken.StatusCode);
        Assert.Contains("<soap:Value>soap:Sender</soap:Value>", await broken.Content.ReadAsStringAsync(Test.Ct));
        Assert.Equal(400, (int)misplaced.StatusCode);
        Assert.Equal(404, (int)unknown.StatusCode);
    }

    [Fact]
    public async Task A_consultation_that_fails_its_schema_is_215()
    {
        await using var sefaz = await SefazSession.StartAsync();

        var answer = await sefaz.CallAsync("NFeConsultaProtocolo4",
            "<consSitNFe xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"4.00\"><tpAmb>2</tpAmb><chNFe>123</chNFe></consSitNFe>");

        Assert.Equal((215, "Rejeição: Falha no schema XML"), (answer.CStat(), answer.XMotivo()));
    }
}
