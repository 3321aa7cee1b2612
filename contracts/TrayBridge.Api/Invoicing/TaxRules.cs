namespace TrayBridge.Api.Invoicing;

/// <summary><c>GET/PUT/DELETE /api/invoicing/emitter/tax-rules</c>: the emitter's tax table and whether it is still the
/// defaults.</summary>
public sealed record TaxRulesResponse(bool IsDefault, TaxRulesData Rules);

/// <summary>The tax table. In a PUT every member may be left out (null): it keeps its default; ICMS rates are given only
/// for the UFs that differ. Validation errors name the fields as here (<c>natureOfOperation</c>, <c>cfop.intra</c>,
/// <c>icms.RJ</c>, <c>simplesNacionalPisCofins</c>…).</summary>
public sealed record TaxRulesData(
    string? NatureOfOperation, CfopCodes? Cfop, IReadOnlyList<string>? SubstituicaoTributariaNcms, string? Csosn, string? CsosnSt,
    IcmsTable? Icms, PisCofinsRates? SimplesNacionalPisCofins, PisCofinsRates? RegimeNormalPisCofins, bool? ContributorsAreFinalConsumers);

/// <summary>CFOP per destination (5xxx within the UF, 6xxx to another) and buyer, with the codes of goods under ICMS-ST.</summary>
public sealed record CfopCodes(
    string? Intra, string? InterstateContributor, string? InterstateNonContributor, string? IntraSt, string? InterstateContributorSt,
    string? InterstateNonContributorSt);

/// <summary>ICMS per UF (two letters): internal rate and FCP, in percent.</summary>
public sealed record IcmsTable(IReadOnlyDictionary<string, UfIcms?>? ByUf);

public sealed record UfIcms(decimal Internal, decimal Fcp = 0m);

/// <summary>PIS/COFINS CST and rates in percent. <see cref="Group"/> (answers only): the schema group the CST takes,
/// 0 PISAliq, 1 PISNT, 2 PISOutr.</summary>
public sealed record PisCofinsRates(string? Cst, decimal PisRate, decimal CofinsRate, int? Group = null);
