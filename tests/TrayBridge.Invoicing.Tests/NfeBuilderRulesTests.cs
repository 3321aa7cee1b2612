using TrayBridge.Invoicing.Domain;
using TrayBridge.Invoicing.Domain.Building;
using TrayBridge.Invoicing.Domain.Emitters;
using TrayBridge.Invoicing.Domain.Keys;
using TrayBridge.Invoicing.Domain.Orders;
using static TrayBridge.Invoicing.Tests.NfeXmlAssert;

namespace TrayBridge.Invoicing.Tests;

/// <summary>The field rules the generator encodes (nfe.md §2.4) beyond the acceptance notes.</summary>
public sealed class NfeBuilderRulesTests
{
    [Theory]
    [InlineData("SP", "3550308", "2024-01-31T23:00:00-03:00", "2401")]
    [InlineData("AM", "1302603", "2024-01-31T22:00:00-04:00", "2401")]
    [InlineData("AC", "1200401", "2024-01-31T21:00:00-05:00", "2401")]
    public void dhEmi_is_in_the_emitter_UFs_offset_and_the_keys_AAMM_follows_it(string uf, string city, string dhEmi, string aamm)
    {
        // 02:00 UTC on 1 February is still January in every Brazilian UF.
        var emitter = Samples.SimplesNacional with { Address = Samples.SaoPaulo with { Uf = uf, CityCode = city } };
        var identity = Samples.Identity() with { IssuedAt = new DateTimeOffset(2024, 2, 1, 2, 0, 0, 123, TimeSpan.Zero) };

        var built = Samples.Builder.Build(Samples.Tshirts(Samples.ConsumerInRio), emitter, identity);

        Assert.Equal(dhEmi, Field(built.Xml, "ide/dhEmi"));
        Assert.Equal(aamm, built.Key.YearMonth);
        Assert.Equal(built.Key.StateCode, Field(built.Xml, "ide/cUF"));
        Assert.Equal(TimeSpan.Zero, built.IssuedAt - identity.IssuedAt.AddMilliseconds(-123));
        SignedAndValid(built.Xml, NfeSchemaPackage.Pl009V4);
    }

    [Fact]
    public void Every_problem_in_the_order_is_listed_at_once_and_nothing_is_built()
    {
        var order = Samples.Tshirts(Samples.ConsumerInSaoPaulo with { Document = "12345678900", Address = Samples.SaoPaulo with { CityCode = "" } }) with
        {
            Items = [new NfeOrderItem(1, "CAM-1", "CAMISETA", "", 1, 10m), new NfeOrderItem(2, "CAM-2", "CAMISETA", "6109100", 0, 10m)],
            Intermediary = new NfeIntermediary("03007331000142", ""),
        };

        var problems = Assert.Throws<NfeDataException>(() => Samples.Builder.Build(order, Samples.SimplesNacional, Samples.Identity())).Problems;

        Assert.Contains("Item 1 (SKU CAM-1) não tem NCM de 8 dígitos", problems);
        Assert.Contains("Item 2 (SKU CAM-2) não tem NCM de 8 dígitos", problems);
        Assert.Contains("Item 2 (SKU CAM-2): a quantidade deve ser positiva, com no máximo 4 casas decimais", problems);
        Assert.Contains("O CPF/CNPJ do destinatário '12345678900' não é válido", problems);
        Assert.Contains("O endereço do destinatário não tem o código IBGE do município (cMun) de 'SAO PAULO'", problems);
        Assert.Contains("O CNPJ do intermediador '03007331000142' não é válido: confira os dígitos.", problems);
        Assert.Contains("Falta o id do vendedor no marketplace (idCadIntTran): o código da sua conta de vendedor lá.", problems);
        Assert.Contains(Assert.Throws<NfeDataException>(() => Samples.Builder.Build(Samples.Tshirts(), Samples.SimplesNacional,
            Samples.Identity() with { Cnf = "00001234" })).Problems, p => p.StartsWith("cNF '00001234'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_alphanumeric_CNPJ_emitter_is_refused_under_PL_009_and_valid_under_PL_010()
    {
        var emitter = Samples.SimplesNacional with { Cnpj = "12ABC34501DE35" };

        var refused = Assert.Throws<NfeDataException>(() => new NfeBuilder(NfeSchemaPackage.Pl009V4).Build(Samples.Tshirts(), emitter, Samples.Identity()));
        Assert.Contains("PL_009_V4", refused.Message);
        var built = new NfeBuilder(NfeSchemaPackage.Pl010V130).Build(Samples.Tshirts(), emitter, Samples.Identity());
        SignedAndValid(built.Xml, NfeSchemaPackage.Pl010V130);
        Assert.Equal("12ABC34501DE35", built.Key.Cnpj);
    }

    [Fact]
    public void Goods_under_ICMS_ST_are_CSOSN_500_or_CST_60_with_the_ST_CFOP()
    {
        var rules = Samples.SimplesNacional.Taxes with { SubstituicaoTributariaNcms = ["6109"] };
        var order = Samples.Tshirts() with { Items = [Samples.Tshirts().Items[0] with { Cest = "2806300" }] };

        var simples = SignedAndValid(Samples.Builder.Build(order, Samples.SimplesNacional with { Taxes = rules }, Samples.Identity()).Xml);
        var normal = SignedAndValid(Samples.Builder.Build(order, Samples.RegimeNormal with { Taxes = rules }, Samples.Identity()).Xml);

        Assert.Equal(("500", "5405", "2806300"), (Items(simples).Single().Descendants(Ns + "CSOSN").Single().Value, Field(simples, "det/prod/CFOP"), Field(simples, "det/prod/CEST")));
        Assert.Equal(("60", "0.00"), (Items(normal).Single().Descendants(Ns + "ICMS60").Single().Element(Ns + "CST")!.Value, Field(normal, "total/ICMSTot/vICMS")));
    }
}
