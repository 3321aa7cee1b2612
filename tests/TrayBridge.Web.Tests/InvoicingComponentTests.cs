using Bunit;
using TrayBridge.Api;
using TrayBridge.Api.Invoicing;
using TrayBridge.Web.Components.Pages.Nfes;
using TrayBridge.Web.Components.Pages.Settings;

namespace TrayBridge.Web.Tests;

/// <summary>Issue 9: the pieces of the Notas fiscais and Emitente / Regras fiscais screens that decide what a person reads.</summary>
public sealed class InvoicingComponentTests : BunitContext
{
    private static NfeResponse Note(string situation, string? cStat = null, string? reason = null, string? waiting = null) => new(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "1001", 1, 12, new string('3', 44), 109.80m, DateTimeOffset.UtcNow, "x", cStat, reason, waiting,
        null, null, null, null, situation);

    [Fact]
    public void A_rejected_note_shows_SEFAZs_cStat_and_motivo_beside_its_situation()
    {
        var cut = Render<NfeSituation>(p => p.Add(c => c.Note, Note(NfeSituations.Rejected, "210", "Rejeicao: IE do destinatario invalida")));

        Assert.Equal("Rejeitada", cut.Find(".badge").TextContent);
        Assert.Contains("error", cut.Find(".badge").ClassList);
        Assert.Equal("cStat 210: Rejeicao: IE do destinatario invalida", cut.Find(".nfe-reason").TextContent);
    }

    [Fact]
    public void A_waiting_note_says_why_and_an_authorized_one_needs_no_explanation()
    {
        var waiting = Render<NfeSituation>(p => p.Add(c => c.Note, Note(NfeSituations.Waiting, waiting: "Aguardando a SEFAZ, que não respondeu")));
        var authorized = Render<NfeSituation>(p => p.Add(c => c.Note, Note(NfeSituations.Authorized, "100", "Autorizado o uso da NF-e")));

        Assert.Contains("Aguardando a SEFAZ", waiting.Find(".nfe-reason").TextContent);
        Assert.Empty(authorized.FindAll(".nfe-reason"));
        Assert.Contains("ok", authorized.Find(".badge").ClassList);
    }

    private static CertificateInfo Certificate(DateTimeOffset notAfter, bool expired, bool soon, int days) => new(
        "CN=LOJA EXEMPLO LTDA:11222333000181", "11222333000181", new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero), notAfter, "AB",
        "LOJA EXEMPLO LTDA:11222333000181", expired, soon, days);

    [Fact]
    public void The_certificate_shows_holder_and_validity_in_dd_MM_yyyy_and_warns_before_it_expires()
    {
        var soon = Render<CertificateStatus>(p => p.Add(c => c.Certificate, Certificate(new DateTimeOffset(2026, 12, 20, 12, 0, 0, TimeSpan.Zero), false, true, 14)));

        Assert.Contains("LOJA EXEMPLO LTDA:11222333000181", soon.Find("dl").TextContent);
        Assert.Contains("01/01/2026 a 20/12/2026", soon.Find("dl").TextContent);
        var warning = soon.Find(".alert.warn");
        Assert.Contains("vence em 20/12/2026", warning.TextContent);
        Assert.Contains("14 dias", warning.TextContent);
    }

    [Fact]
    public void An_expired_certificate_is_an_error_a_missing_one_says_what_to_do_and_another_CNPJ_root_is_shown()
    {
        var expired = Render<CertificateStatus>(p => p.Add(c => c.Certificate, Certificate(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero), true, false, 0)));
        var missing = Render<CertificateStatus>(p => p.Add(c => c.Certificate, null));
        var otherRoot = Render<CertificateStatus>(p => p
            .Add(c => c.Certificate, Certificate(new DateTimeOffset(2027, 11, 1, 12, 0, 0, TimeSpan.Zero), false, false, 300))
            .Add(c => c.Warnings, [new Reason("certificate.other_cnpj_root", "A raiz do CNPJ do certificado não é a do emitente")]));

        Assert.Contains("venceu em 01/11/2026", expired.Find(".alert.error").TextContent);
        Assert.Contains("envie o arquivo .pfx", missing.Find(".alert.warn").TextContent);
        Assert.Equal("certificate.other_cnpj_root", Assert.Single(otherRoot.FindAll(".alert")).GetAttribute("data-code"));
    }

    [Fact]
    public void The_tax_form_reads_Brazilian_decimals_and_leaves_unreadable_numbers_for_the_API_to_refuse()
    {
        var form = TaxForm.From(new TaxRulesData("VENDA", new CfopCodes("5102", "6102", "6108", "5405", "6404", "6108"), ["2203"], "102", "500",
            new IcmsTable(new Dictionary<string, UfIcms?> { ["SP"] = new UfIcms(18m), ["BA"] = new UfIcms(20.5m) }),
            new PisCofinsRates("99", 0m, 0m), new PisCofinsRates("01", 1.65m, 7.6m), false));

        Assert.Equal(["BA", "SP"], form.Icms.Select(r => r.Uf));
        Assert.Equal("20,5", form.Icms[0].Internal);
        Assert.Equal("1,65", form.RnPis);
        form.Icms[0].Internal = "21.5";
        form.Icms[1].Fcp = "dois";
        form.StNcms = "2203, 2204;3303";
        var data = form.ToData();

        Assert.Equal(21.5m, data.Icms!.ByUf!["BA"]!.Internal);
        Assert.Equal(-1m, data.Icms.ByUf["SP"]!.Fcp);
        Assert.Equal(["2203", "2204", "3303"], data.SubstituicaoTributariaNcms);
        Assert.Equal(7.6m, data.RegimeNormalPisCofins!.CofinsRate);
    }

    [Fact]
    public void The_emitter_form_sends_what_was_typed_and_a_serie_that_is_not_a_number_as_none()
    {
        var request = new EmitterForm
        {
            Cnpj = "11.222.333/0001-81", Name = "LOJA", Uf = " sp ", Series = "um", Crt = "1", Environment = "2", TradeName = " ",
        }.ToRequest();

        Assert.Equal(("11.222.333/0001-81", "SP", null, 1, 2, null), (request.Cnpj, request.Address!.Uf, request.Series, request.Crt, request.Environment,
            request.TradeName));
        // Issue 11: SEFAZ addresses are never sent (the API would refuse them): they follow from the UF and the ambiente.
        Assert.Equal((null, null, null, null), (request.AuthorizationUrl, request.ReceiptUrl, request.ConsultationUrl, request.VoidingUrl));
    }

    [Fact]
    public void The_sefaz_endpoints_in_use_are_shown_read_only_with_the_authorizer_and_a_demo_override_said_as_such()
    {
        var svrs = new EmitterSefazUrls(new Uri("https://nfe-homologacao.svrs.rs.gov.br/ws/NfeAutorizacao/NFeAutorizacao4.asmx"),
            new Uri("https://nfe-homologacao.svrs.rs.gov.br/ws/NfeRetAutorizacao/NFeRetAutorizacao4.asmx"),
            new Uri("https://nfe-homologacao.svrs.rs.gov.br/ws/NfeConsulta/NfeConsulta4.asmx"),
            new Uri("https://nfe-homologacao.svrs.rs.gov.br/ws/nfeinutilizacao/nfeinutilizacao4.asmx"), "SVRS");
        var official = Render<SefazEndpointsView>(p => p.Add(c => c.Sefaz, svrs).Add(c => c.Environment, 2).Add(c => c.Uf, "AC"));
        Assert.Contains("SEFAZ Virtual do Rio Grande do Sul (SVRS), que atende AC — Homologação", official.Find("#sefaz-autorizador").TextContent);
        Assert.Contains("nfe-homologacao.svrs.rs.gov.br", official.Markup);
        Assert.Empty(official.FindAll("input"));
        Assert.Empty(official.FindAll("#sefaz-override"));

        var demo = Render<SefazEndpointsView>(p => p.Add(c => c.Sefaz, svrs with { Authorizer = "Simulador", OperatorOverride = true }).Add(c => c.Environment, 2));
        Assert.Contains("simulador da SEFAZ", demo.Find("#sefaz-override").TextContent);
    }
}
