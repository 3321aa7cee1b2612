using TrayBridge.SefazSimulator.Tests.Support;

namespace TrayBridge.SefazSimulator.Tests;

/// <summary>NFeInutilizacao4 (nfe.md §4.6): a range never authorized is voided with 102 and its numbers stay closed.</summary>
public sealed class InutilizacaoTests
{
    [Fact]
    public async Task A_voided_range_is_102_its_numbers_are_206_and_a_range_with_an_authorized_number_is_241()
    {
        await using var sefaz = await SefazSession.StartAsync();
        Assert.Equal(100, (await sefaz.AuthorizeAsync(1, new TestNfe { Number = 105 }.Signed())).InfProt().CStat());

        var voided = await VoidAsync(sefaz, 100, 104);
        var inf = voided.Element(SefazSession.Nfe + "infInut")!;
        Assert.Equal((102, "Inutilização de número homologado"), (inf.CStat(), inf.XMotivo()));
        Assert.Matches("^13524[0-9]{10}$", inf.Text("nProt"));
        Assert.Empty(OfficialSchemas.Errors(voided.ToString(System.Xml.Linq.SaveOptions.DisableFormatting), "retInutNFe_v4.00.xsd"));

        Assert.Equal((104, 206, "Rejeição: NF-e já está inutilizada na Base de dados da SEFAZ"),
            (await sefaz.AuthorizeAsync(1, new TestNfe { Number = 102 }.Signed())).Outcome());
        Assert.Equal(241, (await VoidAsync(sefaz, 105, 106)).Element(SefazSession.Nfe + "infInut")!.CStat());
        Assert.Equal(256, (await VoidAsync(sefaz, 104, 104)).Element(SefazSession.Nfe + "infInut")!.CStat());
        Assert.Equal(224, (await VoidAsync(sefaz, 110, 109)).Element(SefazSession.Nfe + "infInut")!.CStat());
    }

    [Fact]
    public async Task A_range_signed_with_a_certificate_of_another_root_is_213()
    {
        await using var sefaz = await SefazSession.StartAsync();

        var answer = await VoidAsync(sefaz, 1, 2, TestCertificates.Create("OUTRA EMPRESA SA:99888777000160"));

        Assert.Equal(213, answer.Element(SefazSession.Nfe + "infInut")!.CStat());
    }

    private static Task<System.Xml.Linq.XElement> VoidAsync(SefazSession sefaz, int first, int last,
        System.Security.Cryptography.X509Certificates.X509Certificate2? certificate = null)
    {
        var id = $"ID35241122233300018155001{first:D9}{last:D9}";
        var xml = $"<inutNFe xmlns=\"{SefazSession.Nfe.NamespaceName}\" versao=\"4.00\"><infInut Id=\"{id}\"><tpAmb>2</tpAmb>"
                  + "<xServ>INUTILIZAR</xServ><cUF>35</cUF><ano>24</ano><CNPJ>11222333000181</CNPJ><mod>55</mod><serie>1</serie>"
                  + $"<nNFIni>{first}</nNFIni><nNFFin>{last}</nNFFin><xJust>Numeracao pulada por falha no sistema</xJust></infInut></inutNFe>";
        var signed = NfeSigner.Sign(xml, certificate ?? TestCertificates.Issuer, "infInut");
        return sefaz.CallAsync("NFeInutilizacao4", SefazSession.WithoutDeclaration(signed));
    }
}
