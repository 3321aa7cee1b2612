using Marten;
using TrayBridge.Invoicing.Domain.Taxes;
using TrayBridge.Invoicing.Features.Emitters;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Invoicing.Features.TaxTable;

/// <summary><c>/api/invoicing/emitter/tax-rules</c>: the emitter's tax table. GET shows it (the defaults until set), PUT
/// replaces it — fields left out keep their defaults, and ICMS rates are given only for the UFs that differ —, DELETE goes
/// back to the defaults. Notes already built keep the rules they were built with; a resend after a fix uses the new ones.</summary>
public static class TaxRulesApi
{
    public sealed record TaxRulesResponse(bool IsDefault, TaxRules Rules);

    public static void MapTaxRulesApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/invoicing/emitter/tax-rules").WithTags("Emitter");
        group.MapGet("/", GetAsync);
        group.MapPut("/", PutAsync);
        group.MapDelete("/", DeleteAsync);
    }

    private static async Task<IResult> GetAsync(IDocumentStore store, TenantContext tenant, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(tenant.Require());
        return await session.LoadAsync<EmitterProfile>(tenant.Require(), cancellationToken) is { } profile
            ? Results.Ok(new TaxRulesResponse(profile.Taxes is null, profile.Taxes ?? TaxRules.Default))
            : NoEmitter();
    }

    private static async Task<IResult> PutAsync(TaxRules input, IDocumentStore store, TenantContext tenant, TimeProvider time, CancellationToken cancellationToken)
    {
        // JSON may say null where the types cannot: a null group is a group left out.
        var defaults = TaxRules.Default;
        input = input with
        {
            NatureOfOperation = input.NatureOfOperation ?? defaults.NatureOfOperation, Cfop = input.Cfop ?? defaults.Cfop,
            SubstituicaoTributariaNcms = input.SubstituicaoTributariaNcms ?? [], Csosn = input.Csosn ?? defaults.Csosn,
            CsosnSt = input.CsosnSt ?? defaults.CsosnSt,
            SimplesNacionalPisCofins = input.SimplesNacionalPisCofins ?? defaults.SimplesNacionalPisCofins,
            RegimeNormalPisCofins = input.RegimeNormalPisCofins ?? defaults.RegimeNormalPisCofins,
        };
        var given = (input.Icms?.ByUf ?? new Dictionary<string, UfIcmsRate>()).ToDictionary(r => r.Key.ToUpperInvariant(), r => r.Value);
        if (given.Keys.Except(TaxRules.Default.Icms.ByUf.Keys).ToList() is { Count: > 0 } unknown)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["icms"] = [$"Not UFs: {string.Join(", ", unknown)}."] });
        var icms = TaxRules.Default.Icms.ByUf.ToDictionary();
        foreach (var (uf, rate) in given) icms[uf] = rate;
        var rules = input with { Icms = new IcmsRates(icms) };
        if (TaxRulesValidation.Validate(rules) is { Count: > 0 } errors) return Results.ValidationProblem(errors);
        return await SaveAsync(store, tenant, rules, time, cancellationToken);
    }

    private static Task<IResult> DeleteAsync(IDocumentStore store, TenantContext tenant, TimeProvider time, CancellationToken cancellationToken) =>
        SaveAsync(store, tenant, null, time, cancellationToken);

    private static async Task<IResult> SaveAsync(IDocumentStore store, TenantContext tenant, TaxRules? rules, TimeProvider time,
        CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(tenant.Require());
        if (await session.LoadAsync<EmitterProfile>(tenant.Require(), cancellationToken) is not { } profile) return NoEmitter();
        profile.Taxes = rules;
        profile.UpdatedAt = time.GetUtcNow();
        session.Store(profile);
        await session.SaveChangesAsync(cancellationToken);
        return Results.Ok(new TaxRulesResponse(rules is null, rules ?? TaxRules.Default));
    }

    private static IResult NoEmitter() => Results.Problem(statusCode: 404, title: "No emitter", detail: "PUT /api/invoicing/emitter first.");
}
