using TrayBridge.Invoicing.Domain.Taxes;

namespace TrayBridge.Invoicing.Features.TaxTable;

/// <summary>What a tax table must hold before a note is built from it: codes SEFAZ's schema and rules accept (a CFOP of the
/// right kind for each cell, a CSOSN of the Simples Nacional, known PIS/COFINS CSTs) and rates in a sane range.
/// Whether they are the right ones for the business stays the accountant's call.</summary>
public static class TaxRulesValidation
{
    private static readonly HashSet<string> Csosns = ["101", "102", "103", "201", "202", "203", "300", "400", "500", "900"];
    private static readonly HashSet<string> CsosnsSt = ["201", "202", "203", "500"];
    private static readonly HashSet<string> PisCofinsCsts =
        ["01", "02", "03", "04", "05", "06", "07", "08", "09", "49", "99"];

    public static Dictionary<string, string[]> Validate(TaxRules rules)
    {
        var errors = new Dictionary<string, string[]>();
        void Check(bool ok, string field, string message)
        {
            if (!ok) errors[field] = [message];
        }

        Check(rules.NatureOfOperation is { Length: >= 1 and <= 60 }, "natureOfOperation", "natOp has 1 to 60 characters.");
        foreach (var (field, cfop, first) in new[]
                 {
                     ("cfop.intra", rules.Cfop.Intra, '5'), ("cfop.intraSt", rules.Cfop.IntraSt, '5'),
                     ("cfop.interstateContributor", rules.Cfop.InterstateContributor, '6'),
                     ("cfop.interstateContributorSt", rules.Cfop.InterstateContributorSt, '6'),
                     ("cfop.interstateNonContributor", rules.Cfop.InterstateNonContributor, '6'),
                     ("cfop.interstateNonContributorSt", rules.Cfop.InterstateNonContributorSt, '6'),
                 })
            // SEFAZ: a CFOP of another kind of operation than idDest says is rejected (5xxx within the UF, 6xxx between UFs).
            Check(cfop is { Length: 4 } && cfop.All(char.IsAsciiDigit) && cfop[0] == first, field,
                $"A CFOP of 4 digits starting with {first} ({(first == '5' ? "within the UF" : "to another UF")}).");
        Check(rules.SubstituicaoTributariaNcms.All(n => n.Length is >= 2 and <= 8 && n.All(char.IsAsciiDigit)), "substituicaoTributariaNcms",
            "NCM prefixes of 2 to 8 digits.");
        Check(Csosns.Contains(rules.Csosn), "csosn", $"One of {string.Join(", ", Csosns)}.");
        Check(CsosnsSt.Contains(rules.CsosnSt), "csosnSt", $"A CSOSN of goods under ST: one of {string.Join(", ", CsosnsSt)}.");
        foreach (var (uf, rate) in rules.Icms.ByUf)
            Check(rate is { Internal: >= 0 and <= 35, Fcp: >= 0 and <= 4 }, $"icms.{uf}", "Internal rate from 0 to 35%, FCP from 0 to 4%.");
        foreach (var (field, rule) in new[] { ("simplesNacionalPisCofins", rules.SimplesNacionalPisCofins), ("regimeNormalPisCofins", rules.RegimeNormalPisCofins) })
            Check(rule is { PisRate: >= 0 and <= 100, CofinsRate: >= 0 and <= 100 } && PisCofinsCsts.Contains(rule.Cst), field,
                $"CST one of {string.Join(", ", PisCofinsCsts)}, rates from 0 to 100%.");
        return errors;
    }
}
