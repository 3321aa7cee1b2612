using System.Globalization;
using TrayBridge.Api.Invoicing;

namespace TrayBridge.Web.Components.Pages.Settings;

/// <summary>The Regras fiscais form's fields as typed (text, decimals with a comma or a dot), to and from the API's
/// <see cref="TaxRulesData"/>. A number that cannot be read goes as an out-of-range value so the API's message for that
/// field comes back beside it, rather than the panel inventing its own rule.</summary>
public sealed class TaxForm
{
    public string? NatureOfOperation { get; set; }
    public string? Intra { get; set; }
    public string? IntraSt { get; set; }
    public string? InterstateContributor { get; set; }
    public string? InterstateContributorSt { get; set; }
    public string? InterstateNonContributor { get; set; }
    public string? InterstateNonContributorSt { get; set; }
    public string? Csosn { get; set; }
    public string? CsosnSt { get; set; }
    /// <summary>NCM prefixes of goods under ICMS-ST, separated by commas or spaces.</summary>
    public string? StNcms { get; set; }
    public string? SnCst { get; set; }
    public string? SnPis { get; set; }
    public string? SnCofins { get; set; }
    public string? RnCst { get; set; }
    public string? RnPis { get; set; }
    public string? RnCofins { get; set; }
    public bool ContributorsAreFinalConsumers { get; set; }
    public List<UfRow> Icms { get; set; } = [];

    public sealed class UfRow
    {
        public string Uf { get; set; } = "";
        public string? Internal { get; set; }
        public string? Fcp { get; set; }
    }

    private static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");

    public static TaxForm From(TaxRulesData r) => new()
    {
        NatureOfOperation = r.NatureOfOperation, Intra = r.Cfop?.Intra, IntraSt = r.Cfop?.IntraSt, InterstateContributor = r.Cfop?.InterstateContributor,
        InterstateContributorSt = r.Cfop?.InterstateContributorSt, InterstateNonContributor = r.Cfop?.InterstateNonContributor,
        InterstateNonContributorSt = r.Cfop?.InterstateNonContributorSt, Csosn = r.Csosn, CsosnSt = r.CsosnSt,
        StNcms = string.Join(", ", r.SubstituicaoTributariaNcms ?? []),
        SnCst = r.SimplesNacionalPisCofins?.Cst, SnPis = Text(r.SimplesNacionalPisCofins?.PisRate), SnCofins = Text(r.SimplesNacionalPisCofins?.CofinsRate),
        RnCst = r.RegimeNormalPisCofins?.Cst, RnPis = Text(r.RegimeNormalPisCofins?.PisRate), RnCofins = Text(r.RegimeNormalPisCofins?.CofinsRate),
        ContributorsAreFinalConsumers = r.ContributorsAreFinalConsumers ?? false,
        Icms = [.. (r.Icms?.ByUf ?? new Dictionary<string, UfIcms?>()).OrderBy(u => u.Key, StringComparer.Ordinal)
            .Select(u => new UfRow { Uf = u.Key, Internal = Text(u.Value?.Internal), Fcp = Text(u.Value?.Fcp) })],
    };

    public TaxRulesData ToData() => new(NatureOfOperation?.Trim(),
        new CfopCodes(Code(Intra), Code(InterstateContributor), Code(InterstateNonContributor), Code(IntraSt), Code(InterstateContributorSt),
            Code(InterstateNonContributorSt)),
        [.. (StNcms ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        Code(Csosn), Code(CsosnSt),
        new IcmsTable(Icms.ToDictionary(r => r.Uf, r => (UfIcms?)new UfIcms(Number(r.Internal), Number(r.Fcp)))),
        new PisCofinsRates(Code(SnCst), Number(SnPis), Number(SnCofins)), new PisCofinsRates(Code(RnCst), Number(RnPis), Number(RnCofins)),
        ContributorsAreFinalConsumers);

    public static string Text(decimal? value) => value?.ToString("0.##", PtBr) ?? "";

    /// <summary>"18", "20,5" or "20.5"; blank is 0; unreadable text is -1, which every rate's range refuses.</summary>
    public static decimal Number(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return 0m;
        return decimal.TryParse(text.Trim().Replace('.', ','), NumberStyles.Number, PtBr, out var value) ? value : -1m;
    }

    private static string? Code(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
