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

        Check(rules.NatureOfOperation is { Length: >= 1 and <= 60 }, "natureOfOperation", "A natureza da operação (natOp) tem de 1 a 60 caracteres.");
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
                $"CFOP de 4 dígitos começando por {first} ({(first == '5' ? "operação dentro da UF" : "operação para outra UF")}).");
        Check(rules.SubstituicaoTributariaNcms.All(n => n?.Length is >= 2 and <= 8 && n.All(char.IsAsciiDigit)), "substituicaoTributariaNcms",
            "Prefixos de NCM com 2 a 8 dígitos.");
        Check(Csosns.Contains(rules.Csosn), "csosn", $"Um destes CSOSN: {string.Join(", ", Csosns)}.");
        Check(CsosnsSt.Contains(rules.CsosnSt), "csosnSt", $"CSOSN de mercadoria com ST: um destes: {string.Join(", ", CsosnsSt)}.");
        foreach (var (uf, rate) in rules.Icms.ByUf)
            Check(rate is { Internal: >= 0 and <= 35, Fcp: >= 0 and <= 4 }, $"icms.{uf}", "Alíquota interna de 0 a 35% e FCP de 0 a 4%.");
        foreach (var (field, rule) in new[] { ("simplesNacionalPisCofins", rules.SimplesNacionalPisCofins), ("regimeNormalPisCofins", rules.RegimeNormalPisCofins) })
            Check(rule is { PisRate: >= 0 and <= 100, CofinsRate: >= 0 and <= 100 } && PisCofinsCsts.Contains(rule.Cst), field,
                $"CST um destes: {string.Join(", ", PisCofinsCsts)}; alíquotas de 0 a 100%.");
        return errors;
    }
}
