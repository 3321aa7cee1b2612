using System.Xml.Linq;
using TrayBridge.Invoicing.Domain.Building;
using TrayBridge.Invoicing.Domain.Signing;

namespace TrayBridge.Invoicing.Tests;

/// <summary>The builder against nfe.md §2.2, the example verified there against both packages and by two
/// canonicalisations (DigestValue kKxACkgQ/T6R7hF3fAJDciY5iQY=).</summary>
public sealed class NfeExampleTests
{
    private static readonly string Example = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "nfe-md-2.2-unsigned.xml"));

    [Fact]
    public void The_signer_gives_the_reference_DigestValue()
    {
        var signed = NfeSigner.Sign(Example, TestCertificates.For(Samples.Cnpj));

        Assert.Equal("kKxACkgQ/T6R7hF3fAJDciY5iQY=", NfeSignature.DigestValue(signed));
        Assert.Empty(SchemaFolders.Validator().Validate(signed));
    }

    [Fact]
    public void The_same_sale_built_from_an_order_is_the_verified_example_but_for_the_order_reference_and_the_SN_notice()
    {
        var built = Samples.Builder.Build(Samples.Tshirts(), Samples.SimplesNacional, Samples.Identity());

        Assert.Equal("35240111222333000181550010000012341482136974", built.Key.Value);
        Assert.Equal(109.80m, built.Total);
        var ours = XElement.Parse(built.Xml);
        // Ours adds xPed/nItemPed (the store's order on each line) and the Simples Nacional notice in infCpl.
        ours.Descendants().Where(e => e.Name.LocalName is "xPed" or "nItemPed").Remove();
        var expected = XElement.Parse(Example);
        Assert.StartsWith("Pedido 1001 | DOCUMENTO EMITIDO POR ME OU EPP OPTANTE PELO SIMPLES NACIONAL", ours.Descendants(NfeXmlAssert.Ns + "infCpl").Single().Value);
        ours.Descendants(NfeXmlAssert.Ns + "infAdic").Remove();
        expected.Descendants(NfeXmlAssert.Ns + "infAdic").Remove();
        Assert.Equal(expected.ToString(SaveOptions.DisableFormatting), ours.ToString(SaveOptions.DisableFormatting));
    }

    [Fact]
    public void Under_regime_normal_the_sale_carries_the_section_2_3_values()
    {
        var built = Samples.Builder.Build(Samples.Tshirts(), Samples.RegimeNormal, Samples.Identity(1235));
        var xml = NfeXmlAssert.SignedAndValid(built.Xml);

        Assert.Equal("35240111222333000181550010000012351482136971", built.Key.Value);
        Assert.Equal("3", NfeXmlAssert.Field(xml, "emit/CRT"));
        Assert.Equal(
            ["0", "00", "3", "109.80", "18.00", "19.76"],
            NfeXmlAssert.Items(xml).Single().Descendants(NfeXmlAssert.Ns + "ICMS00").Single().Elements().Select(e => e.Value));
        Assert.Equal(["01", "109.80", "1.6500", "1.81"], NfeXmlAssert.Items(xml).Single().Descendants(NfeXmlAssert.Ns + "PISAliq").Single().Elements().Select(e => e.Value));
        Assert.Equal(["01", "109.80", "7.6000", "8.34"], NfeXmlAssert.Items(xml).Single().Descendants(NfeXmlAssert.Ns + "COFINSAliq").Single().Elements().Select(e => e.Value));
        Assert.Equal((109.80m, 19.76m, 1.81m, 8.34m, 109.80m), (NfeXmlAssert.Money(xml, "total/ICMSTot/vBC"), NfeXmlAssert.Money(xml, "total/ICMSTot/vICMS"),
            NfeXmlAssert.Money(xml, "total/ICMSTot/vPIS"), NfeXmlAssert.Money(xml, "total/ICMSTot/vCOFINS"), NfeXmlAssert.Money(xml, "total/ICMSTot/vNF")));
    }
}
