using TrayBridge.Invoicing.Domain.Emitters;
using TrayBridge.Invoicing.Domain.Orders;
using TrayBridge.Invoicing.Domain.Taxes;
using static TrayBridge.Invoicing.Tests.NfeXmlAssert;

namespace TrayBridge.Invoicing.Tests;

/// <summary>DIFAL per emitter policy (issue 13). The demo note: the demo emitter (CRT 1, SP) sells 1,073.71 to a consumer
/// in Porto Alegre (RS). Charged as before, it declared 53.69 (17 % − 12 %) due to RS, a tax a Simples Nacional emitter
/// does not owe (STF, ADI 5464/5469).</summary>
public sealed class NfeDifalTests
{
    private static readonly NfeRecipient ConsumerInPortoAlegre = Samples.ConsumerInSaoPaulo with
    {
        Address = new NfeAddress("AV BORGES DE MEDEIROS", "1501", null, "CENTRO HISTORICO", "4314902", "PORTO ALEGRE", "RS", "90020025"),
    };

    // 1,073.71: a notebook stand, a monitor arm and freight, as the demo order.
    private static NfeOrder DemoOrder() => new("2001", ConsumerInPortoAlegre,
        [
            new NfeOrderItem(1, "SKU-MON", "BRACO ARTICULADO PARA MONITOR", "94032090", 1, 899.90m, Freight: 25.00m),
            new NfeOrderItem(2, "SKU-SUP", "SUPORTE PARA NOTEBOOK", "73269090", 1, 148.81m),
        ],
        new NfePayment(NfePaymentType.CartaoCredito));

    private static string Build(Emitter emitter) => SignedAndValid(Samples.Builder.Build(DemoOrder(), emitter, Samples.Identity()).Xml);

    [Fact]
    public void The_demo_note_of_a_Simples_Nacional_emitter_declares_no_DIFAL_and_states_why()
    {
        var xml = Build(Samples.SimplesNacional);

        Assert.Equal(("2", "1", "9", "1"), (Field(xml, "ide/idDest"), Field(xml, "ide/indFinal"), Field(xml, "dest/indIEDest"), Field(xml, "emit/CRT")));
        Assert.Equal(1073.71m, Money(xml, "total/ICMSTot/vNF"));
        Assert.DoesNotContain("ICMSUFDest", xml);
        Assert.Null(Field(xml, "total/ICMSTot/vICMSUFDest"));
        Assert.Contains("ADI 5464 E ADI 5469; LC 190/2022", Field(xml, "infAdic/infCpl"));
    }

    [Fact]
    public void A_Simples_Nacional_emitter_whose_authorizer_still_asks_for_the_group_sends_it_with_zero_values()
    {
        var xml = Build(Samples.SimplesNacional with { Difal = DifalPolicy.NotDueZeroGroup });

        foreach (var item in Items(xml))
        {
            var difal = item.Descendants(Ns + "ICMSUFDest").Single().Elements().ToDictionary(e => e.Name.LocalName, e => e.Value);
            Assert.Equal(new Dictionary<string, string>
            {
                ["vBCUFDest"] = "0.00", ["pICMSUFDest"] = "17.0000", ["pICMSInter"] = "12.00", ["pICMSInterPart"] = "100.0000",
                ["vICMSUFDest"] = "0.00", ["vICMSUFRemet"] = "0.00",
            }, difal);
        }
        Assert.Equal((0m, 0m, 0m), (Money(xml, "total/ICMSTot/vFCPUFDest"), Money(xml, "total/ICMSTot/vICMSUFDest"), Money(xml, "total/ICMSTot/vICMSUFRemet")));
        Assert.Contains("ADI 5464", Field(xml, "infAdic/infCpl"));
    }

    [Fact]
    public void Regime_normal_still_pays_the_DIFAL_of_the_demo_note()
    {
        var xml = Build(Samples.RegimeNormal);

        Assert.Equal(53.69m, Money(xml, "total/ICMSTot/vICMSUFDest"));
        Assert.DoesNotContain("ADI 5464", Field(xml, "infAdic/infCpl"));
    }

    [Theory]
    [InlineData(Crt.SimplesNacional, DifalPolicy.NotDue)]
    [InlineData(Crt.Mei, DifalPolicy.NotDue)]
    [InlineData(Crt.SimplesNacionalExcessoSublimite, DifalPolicy.Due)]
    [InlineData(Crt.RegimeNormal, DifalPolicy.Due)]
    public void Without_the_accountants_choice_the_regime_decides(Crt crt, DifalPolicy expected) =>
        Assert.Equal(expected, (Samples.SimplesNacional with { Crt = crt }).EffectiveDifal);

    [Fact]
    public void The_accountant_may_charge_DIFAL_to_a_Simples_Nacional_emitter()
    {
        var xml = Build(Samples.SimplesNacional with { Difal = DifalPolicy.Due });

        Assert.Equal(53.69m, Money(xml, "total/ICMSTot/vICMSUFDest"));
    }
}
