using TrayBridge.Invoicing.Domain.Building;
using TrayBridge.Invoicing.Domain.Emitters;
using TrayBridge.Invoicing.Domain.Orders;
using static TrayBridge.Invoicing.Tests.NfeXmlAssert;

namespace TrayBridge.Invoicing.Tests;

/// <summary>What comes from shoppers and the store (free text, barcodes, payment types) reaches the XML in a form the
/// schema and SEFAZ accept.</summary>
public sealed class NfeInputCleaningTests
{
    [Fact]
    public void Shoppers_text_is_made_fit_for_the_schema()
    {
        var recipient = Samples.ConsumerInSaoPaulo with
        {
            Address = Samples.SaoPaulo with { Street = "  Rua “Nova”\tEsperança — 2º andar 🏠 ", Number = "", Complement = "   " },
        };
        var order = Samples.Tshirts(recipient) with
        {
            Items = [Samples.Tshirts().Items[0] with { Description = "Camiseta ‘Básica’ – Algodão 🌿", Ean = "7891234567895" }],
            Payment = NfePayment.FromTray("gift_card", "Vale-presente"),
        };
        var emitter = Samples.SimplesNacional with { Environment = NfeEnvironment.Producao };

        var xml = SignedAndValid(Samples.Builder.Build(order, emitter, Samples.Identity()).Xml);

        Assert.Equal("Rua \"Nova\" Esperança - 2º andar", Field(xml, "dest/enderDest/xLgr"));
        Assert.Equal("S/N", Field(xml, "dest/enderDest/nro"));
        Assert.Null(Field(xml, "dest/enderDest/xCpl"));
        Assert.Equal("Camiseta 'Básica' - Algodão", Field(xml, "det/prod/xProd"));
        Assert.Equal(("7891234567895", "7891234567895"), (Field(xml, "det/prod/cEAN"), Field(xml, "det/prod/cEANTrib")));
        Assert.Equal(("99", "Vale-presente"), (Field(xml, "pag/detPag/tPag"), Field(xml, "pag/detPag/xPag")));
    }

    [Theory]
    [InlineData("pix", "17")]
    [InlineData("credit_card", "03")]
    [InlineData("bank_billet", "15")]
    [InlineData("debit_card", "04")]
    [InlineData(null, "99")]
    public void Trays_payment_type_maps_to_tPag(string? trayType, string tPag) =>
        Assert.Equal(tPag, NfePayment.FromTray(trayType, "Pagamento").Code);

    [Fact]
    public void A_GTIN_with_a_wrong_check_digit_goes_as_SEM_GTIN_and_the_technical_responsible_is_written_when_set()
    {
        var order = Samples.Tshirts() with { Items = [Samples.Tshirts().Items[0] with { Ean = "7891234567890" }] };
        var builder = new NfeBuilder(technicalResponsible: new TechnicalResponsible("11444777000161", "Equipe TrayBridge", "nfe@traybridge.example", "(11) 4002-8922"));

        var xml = SignedAndValid(builder.Build(order, Samples.SimplesNacional, Samples.Identity()).Xml);

        Assert.Equal("SEM GTIN", Field(xml, "det/prod/cEAN"));
        Assert.Equal(("11444777000161", "1140028922"), (Field(xml, "infRespTec/CNPJ"), Field(xml, "infRespTec/fone")));
    }
}
