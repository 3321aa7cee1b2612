using TrayBridge.Api.Invoicing;
using TrayBridge.Invoicing.Domain.Taxes;

namespace TrayBridge.Invoicing.Features.TaxTable;

/// <summary>The API's <see cref="TaxRulesData"/> ↔ the domain's <see cref="TaxRules"/>. JSON may leave anything out or
/// say null: a group or a code left out keeps its default, and the UFs' ICMS rates given replace only theirs.</summary>
public static class TaxRulesMapping
{
    public static TaxRulesResponse Response(TaxRules? rules) => new(rules is null, ToData(rules ?? TaxRules.Default));

    public static (TaxRules? Rules, Dictionary<string, string[]> Errors) ToRules(TaxRulesData input)
    {
        var d = TaxRules.Default;
        var given = (input.Icms?.ByUf ?? new Dictionary<string, UfIcms?>()).ToDictionary(r => r.Key.ToUpperInvariant(), r => r.Value);
        if (given.Keys.Except(d.Icms.ByUf.Keys).ToList() is { Count: > 0 } unknown)
            return (null, new() { ["icms"] = [$"Não são UFs: {string.Join(", ", unknown)}."] });
        var icms = d.Icms.ByUf.ToDictionary();
        // A null rate stays null here so the validation names its UF (a rate cannot be "left out" inside the table).
        foreach (var (uf, rate) in given) icms[uf] = rate is null ? null! : new UfIcmsRate(rate.Internal, rate.Fcp);
        var c = input.Cfop;
        var rules = new TaxRules
        {
            NatureOfOperation = input.NatureOfOperation ?? d.NatureOfOperation,
            Cfop = new CfopTable
            {
                Intra = c?.Intra ?? d.Cfop.Intra, InterstateContributor = c?.InterstateContributor ?? d.Cfop.InterstateContributor,
                InterstateNonContributor = c?.InterstateNonContributor ?? d.Cfop.InterstateNonContributor, IntraSt = c?.IntraSt ?? d.Cfop.IntraSt,
                InterstateContributorSt = c?.InterstateContributorSt ?? d.Cfop.InterstateContributorSt,
                InterstateNonContributorSt = c?.InterstateNonContributorSt ?? d.Cfop.InterstateNonContributorSt,
            },
            SubstituicaoTributariaNcms = [.. input.SubstituicaoTributariaNcms ?? []],
            Csosn = input.Csosn ?? d.Csosn,
            CsosnSt = input.CsosnSt ?? d.CsosnSt,
            Icms = new IcmsRates(icms),
            SimplesNacionalPisCofins = Rule(input.SimplesNacionalPisCofins) ?? d.SimplesNacionalPisCofins,
            RegimeNormalPisCofins = Rule(input.RegimeNormalPisCofins) ?? d.RegimeNormalPisCofins,
            ContributorsAreFinalConsumers = input.ContributorsAreFinalConsumers ?? d.ContributorsAreFinalConsumers,
        };
        return (rules, []);
    }

    public static TaxRulesData ToData(TaxRules r) => new(r.NatureOfOperation,
        new CfopCodes(r.Cfop.Intra, r.Cfop.InterstateContributor, r.Cfop.InterstateNonContributor, r.Cfop.IntraSt, r.Cfop.InterstateContributorSt,
            r.Cfop.InterstateNonContributorSt),
        r.SubstituicaoTributariaNcms, r.Csosn, r.CsosnSt,
        new IcmsTable(r.Icms.ByUf.ToDictionary(u => u.Key, u => (UfIcms?)new UfIcms(u.Value.Internal, u.Value.Fcp))),
        Rates(r.SimplesNacionalPisCofins), Rates(r.RegimeNormalPisCofins), r.ContributorsAreFinalConsumers);

    private static PisCofinsRule? Rule(PisCofinsRates? rates) => rates is null ? null : new(rates.Cst ?? "", rates.PisRate, rates.CofinsRate);

    private static PisCofinsRates Rates(PisCofinsRule rule) => new(rule.Cst, rule.PisRate, rule.CofinsRate, (int)rule.Group);
}
