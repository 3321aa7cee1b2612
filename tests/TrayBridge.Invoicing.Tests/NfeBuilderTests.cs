using TrayBridge.Invoicing.Domain.Emitters;
using TrayBridge.Invoicing.Domain.Orders;
using TrayBridge.Invoicing.Domain.Taxes;
using static TrayBridge.Invoicing.Tests.NfeXmlAssert;

namespace TrayBridge.Invoicing.Tests;

/// <summary>The acceptance notes: each regime, an interstate B2C sale with DIFAL and a marketplace sale, each valid
/// against the XSD of both packages and with a signature that verifies.</summary>
public sealed class NfeBuilderTests
{
    [Fact]
    public void A_Simples_Nacional_sale_within_the_UF_is_CSOSN_102_and_CFOP_5102()
    {
        var xml = SignedAndValid(Samples.Builder.Build(Samples.Tshirts(), Samples.SimplesNacional, Samples.Identity()).Xml);

        Assert.Equal(("1", "1", "1", "9", "0"), (Field(xml, "emit/CRT"), Field(xml, "ide/idDest"), Field(xml, "ide/indFinal"),
            Field(xml, "dest/indIEDest"), Field(xml, "ide/indIntermed")));
        Assert.Equal("102", Items(xml).Single().Descendants(Ns + "CSOSN").Single().Value);
        Assert.Equal("5102", Items(xml).Single().Descendants(Ns + "CFOP").Single().Value);
        Assert.Equal("2", Field(xml, "ide/indPres"));
        Assert.Equal("NF-E EMITIDA EM AMBIENTE DE HOMOLOGACAO - SEM VALOR FISCAL", Field(xml, "dest/xNome"));
        Assert.Null(Field(xml, "dest/IE"));
        Assert.DoesNotContain("ICMSUFDest", xml);
    }

    [Fact]
    public void In_producao_the_recipient_keeps_its_name()
    {
        var emitter = Samples.SimplesNacional with { Environment = NfeEnvironment.Producao };
        var xml = SignedAndValid(Samples.Builder.Build(Samples.Tshirts(), emitter, Samples.Identity()).Xml);

        Assert.Equal(("1", "MARIA DA SILVA"), (Field(xml, "ide/tpAmb"), Field(xml, "dest/xNome")));
    }

    [Theory]
    [InlineData(Crt.SimplesNacional)]
    [InlineData(Crt.RegimeNormal)]
    public void An_interstate_sale_to_a_consumer_carries_DIFAL_with_the_destinations_FCP(Crt crt)
    {
        // SP → RJ: interstate 12% (Southeast to Southeast), RJ's 20% internal rate and 2% FCP on 109.80. A Simples Nacional
        // emitter carries it only when its accountant says DIFAL is due (not by default: NfeDifalTests).
        var emitter = Samples.SimplesNacional with { Crt = crt, Difal = crt == Crt.SimplesNacional ? DifalPolicy.Due : null };
        var built = Samples.Builder.Build(Samples.Tshirts(Samples.ConsumerInRio), emitter, Samples.Identity());
        var xml = SignedAndValid(built.Xml);

        Assert.Equal(("2", "1", "9"), (Field(xml, "ide/idDest"), Field(xml, "ide/indFinal"), Field(xml, "dest/indIEDest")));
        Assert.Equal("6108", built.Cfops[1]);
        var difal = Items(xml).Single().Descendants(Ns + "ICMSUFDest").Single().Elements().ToDictionary(e => e.Name.LocalName, e => e.Value);
        Assert.Equal(new Dictionary<string, string>
        {
            ["vBCUFDest"] = "109.80", ["vBCFCPUFDest"] = "109.80", ["pFCPUFDest"] = "2.0000", ["pICMSUFDest"] = "20.0000",
            ["pICMSInter"] = "12.00", ["pICMSInterPart"] = "100.0000", ["vFCPUFDest"] = "2.20", ["vICMSUFDest"] = "8.78", ["vICMSUFRemet"] = "0.00",
        }, difal);
        Assert.Equal((2.20m, 8.78m, 0m), (Money(xml, "total/ICMSTot/vFCPUFDest"), Money(xml, "total/ICMSTot/vICMSUFDest"), Money(xml, "total/ICMSTot/vICMSUFRemet")));
        Assert.Equal(109.80m, Money(xml, "total/ICMSTot/vNF"));
        if (crt == Crt.RegimeNormal) Assert.Equal("12.00", Items(xml).Single().Descendants(Ns + "pICMS").Single().Value);
    }

    [Fact]
    public void A_sale_to_the_South_from_Sao_Paulo_to_the_Northeast_uses_the_7_percent_rate_and_no_FCP()
    {
        var bahia = Samples.ConsumerInSaoPaulo with { Address = new NfeAddress("RUA C", "1", null, "BARRA", "2927408", "SALVADOR", "BA", "40140000") };
        var xml = SignedAndValid(Samples.Builder.Build(Samples.Tshirts(bahia), Samples.RegimeNormal, Samples.Identity()).Xml);

        var difal = Items(xml).Single().Descendants(Ns + "ICMSUFDest").Single();
        Assert.Equal(("7.00", "20.5000", "14.82"), (difal.Element(Ns + "pICMSInter")!.Value, difal.Element(Ns + "pICMSUFDest")!.Value, difal.Element(Ns + "vICMSUFDest")!.Value));
        Assert.Null(difal.Element(Ns + "pFCPUFDest"));
    }

    [Fact]
    public void A_marketplace_sale_names_the_intermediary()
    {
        var order = Samples.Tshirts() with { Intermediary = new NfeIntermediary("03007331000141", "LOJAEXEMPLO123") };
        var xml = SignedAndValid(Samples.Builder.Build(order, Samples.SimplesNacional, Samples.Identity()).Xml);

        Assert.Equal("1", Field(xml, "ide/indIntermed"));
        Assert.Equal(("03007331000141", "LOJAEXEMPLO123"), (Field(xml, "infIntermed/CNPJ"), Field(xml, "infIntermed/idCadIntTran")));
    }

    [Fact]
    public void A_reseller_with_an_IE_in_another_UF_is_a_contributor_without_DIFAL()
    {
        var built = Samples.Builder.Build(Samples.Tshirts(Samples.CompanyInMinas), Samples.RegimeNormal, Samples.Identity());
        var xml = SignedAndValid(built.Xml);

        Assert.Equal(("11444777000161", "1", "0623079040081", "0"), (Field(xml, "dest/CNPJ"), Field(xml, "dest/indIEDest"), Field(xml, "dest/IE"), Field(xml, "ide/indFinal")));
        Assert.Equal("6102", built.Cfops[1]);
        Assert.DoesNotContain("ICMSUFDest", xml);
    }
}
