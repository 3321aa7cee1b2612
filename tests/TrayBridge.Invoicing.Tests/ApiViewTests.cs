using TrayBridge.Api.Invoicing;
using TrayBridge.Contracts.Orders;
using TrayBridge.Invoicing.Domain.Taxes;
using TrayBridge.Invoicing.Features;
using TrayBridge.Invoicing.Features.Batches;
using TrayBridge.Invoicing.Features.Emitters;
using TrayBridge.Invoicing.Features.Nfes;
using TrayBridge.Invoicing.Features.TaxTable;
using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.Invoicing.Tests;

/// <summary>Issue 9: what the panel reads — São Paulo days in the filters, situations, skip reasons with codes, the
/// certificate's flags and the tax table as the API shows it.</summary>
public sealed class ApiViewTests
{
    [Fact]
    public void A_date_filter_is_a_Sao_Paulo_day_with_both_ends_included_or_an_instant()
    {
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 3, 0, 0, TimeSpan.Zero), BrazilTime.Bound("2026-12-06", end: false)!.Value.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero), BrazilTime.Bound("2026-12-06", end: true)!.Value.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 10, 30, 0, TimeSpan.Zero), BrazilTime.Bound("2026-12-06T10:30:00Z", end: true));
        Assert.Null(BrazilTime.Bound("06/12/2026x", end: false));
        // 01:00 UTC on the 7th is still the 6th in São Paulo.
        Assert.Equal("06/12/2026", BrazilTime.Date(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Situations_group_the_statuses_as_the_screen_names_them()
    {
        Assert.Equal([NfeStatus.Pending, NfeStatus.AwaitingReceipt], NfeViews.Statuses("aguardando"));
        Assert.Equal([NfeStatus.Voided], NfeViews.Statuses("INUTILIZADA"));
        Assert.Equal([NfeStatus.Cancelled], NfeViews.Statuses("Cancelada"));
        Assert.Null(NfeViews.Statuses("Estornada"));
        Assert.Equal(Enum.GetValues<NfeStatus>().Length, NfeSituations.All.Sum(s => NfeViews.Statuses(s)!.Length));
        var rejected = NfeViews.Why(NfeStatus.Rejected, "210", "Rejeicao: IE do destinatario invalida", null)!;
        Assert.Equal("sefaz.rejected", rejected.Code);
        Assert.Contains("210", rejected.Detail);
        Assert.Contains("IE do destinatario invalida", rejected.Detail);
        Assert.Null(NfeViews.Why(NfeStatus.Authorized, "100", "Autorizado", null));
        Assert.Equal(BatchOrderStates.Issued, NfeViews.BatchState(NfeStatus.AwaitingReceipt));
    }

    [Fact]
    public void Orders_that_are_not_invoiced_say_why_with_a_stable_code_in_Portuguese()
    {
        var id = Guid.NewGuid();
        SalesOrderForInvoice Answer(string? status, bool found = true, bool invoiced = false) =>
            new("t", id, found, status, status == "PendenteDados" ? "Pendente: falta NCM" : status, [], null, invoiced, null, DateTimeOffset.UtcNow);

        Assert.Equal("order.not_found", SkipReasons.For(Answer(null, found: false))!.Code);
        Assert.Equal("order.already_invoiced", SkipReasons.For(Answer("Faturado", invoiced: true))!.Code);
        Assert.Equal("order.cancelled_on_tray", SkipReasons.For(Answer("CanceladoNaTray"))!.Code);
        Assert.Equal("order.divergent", SkipReasons.For(Answer("Divergente"))!.Code);
        var pending = SkipReasons.For(Answer("PendenteDados"))!;
        Assert.Equal(("order.not_ready", true), (pending.Code, pending.Detail.Contains("falta NCM")));
        Assert.Contains("Inutilizada", SkipReasons.HasNote(7, NfeStatus.Voided).Detail);
    }

    [Fact]
    public void The_certificate_shows_its_holder_and_warns_within_30_days_of_expiry()
    {
        var now = new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
        var table = new Features.Sefaz.SefazWebServices(Microsoft.Extensions.Options.Options.Create(new InvoicingSettings()));
        EmitterProfile Profile(DateTimeOffset notAfter) => new()
        {
            Id = "t",
            Emitter = new EmitterData("11222333000181", "123456789012", "LOJA EXEMPLO LTDA", null,
                new Domain.Emitters.NfeAddress("RUA A", "1", null, "CENTRO", "3550308", "SAO PAULO", "SP", "01001000"),
                Domain.Emitters.Crt.SimplesNacional, 1, Domain.Emitters.NfeEnvironment.Homologacao),
            Certificate = new StoredCertificate("x", "y", "CN=LOJA EXEMPLO LTDA:11222333000181, O=ICP-Brasil", "AB", "11222333000181",
                now.AddYears(-1), notAfter),
        };

        var soon = EmitterView.From(Profile(now.AddDays(10)), table, now);
        var later = EmitterView.From(Profile(now.AddDays(60)), table, now);
        var expired = EmitterView.From(Profile(now.AddDays(-1)), table, now);

        Assert.Equal(("LOJA EXEMPLO LTDA:11222333000181", true, false, 10),
            (soon.Certificate!.Holder, soon.Certificate.ExpiresSoon, soon.Certificate.Expired, soon.Certificate.DaysLeft));
        Assert.Equal(["certificate.expires_soon"], soon.WarningReasons.Select(w => w.Code));
        Assert.Contains("16/12/2026", soon.Warnings.Single());
        Assert.Empty(later.WarningReasons);
        Assert.False(later.Certificate!.ExpiresSoon);
        Assert.Equal((true, false), (expired.Certificate!.Expired, expired.Certificate.ExpiresSoon));
        Assert.Equal(["certificate.expired"], expired.WarningReasons.Select(w => w.Code));
    }

    [Fact]
    public void A_partial_tax_table_keeps_the_defaults_and_answers_in_the_same_shape()
    {
        var input = new TaxRulesData(null, new CfopCodes("5101", null, null, null, null, null), null, null, null,
            new IcmsTable(new Dictionary<string, UfIcms?> { ["rj"] = new UfIcms(22m, 2m) }), null, null, null);

        var (rules, errors) = TaxRulesMapping.ToRules(input);

        Assert.Empty(errors);
        Assert.Equal(("5101", "6102"), (rules!.Cfop.Intra, rules.Cfop.InterstateContributor));
        Assert.Equal((new UfIcmsRate(22m, 2m), new UfIcmsRate(18m)), (rules.Icms.For("RJ"), rules.Icms.For("SP")));
        Assert.Empty(TaxRulesValidation.Validate(rules));
        var shown = TaxRulesMapping.Response(rules);
        Assert.False(shown.IsDefault);
        Assert.Equal(0, shown.Rules.RegimeNormalPisCofins!.Group);
        Assert.True(TaxRulesMapping.Response(null).IsDefault);
        Assert.Equal(["icms"], TaxRulesMapping.ToRules(input with { Icms = new IcmsTable(new Dictionary<string, UfIcms?> { ["XX"] = new UfIcms(1m) }) })
            .Errors.Keys);
        var nullRate = TaxRulesMapping.ToRules(input with { Icms = new IcmsTable(new Dictionary<string, UfIcms?> { ["RJ"] = null }) }).Rules!;
        Assert.Equal(["icms.RJ"], TaxRulesValidation.Validate(nullRate).Keys);
    }
}
