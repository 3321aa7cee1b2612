using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TrayBridge.Api.Invoicing;
using TrayBridge.Invoicing.Domain.Taxes;
using TrayBridge.Invoicing.Features.Emitters;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.ServiceDefaults.Security;

namespace TrayBridge.Invoicing.Features.TaxTable;

/// <summary><c>/api/invoicing/emitter/tax-rules</c>: the emitter's tax table. GET shows it (the defaults until set), PUT
/// replaces it — fields left out keep their defaults, and ICMS rates are given only for the UFs that differ —, DELETE goes
/// back to the defaults. Notes already built keep the rules they were built with; a resend after a fix uses the new ones.</summary>
public static class TaxRulesApi
{
    public static void MapTaxRulesApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/invoicing/emitter/tax-rules").WithTags("Emitter");
        group.MapGet("/", GetAsync);
        group.MapPut("/", PutAsync).WithMetadata(new RequestSizeLimitAttribute(32 * 1024)).RequireAdmin();
        group.MapDelete("/", DeleteAsync).RequireAdmin();
    }

    private static async Task<Results<Ok<TaxRulesResponse>, ProblemHttpResult>> GetAsync(IDocumentStore store, TenantContext tenant,
        CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(tenant.Require());
        return await session.LoadAsync<EmitterProfile>(tenant.Require(), cancellationToken) is { } profile
            ? TypedResults.Ok(TaxRulesMapping.Response(profile.Taxes))
            : EmitterApi.NoEmitter();
    }

    private static async Task<Results<Ok<TaxRulesResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(TaxRulesData input, IDocumentStore store,
        TenantContext tenant, TimeProvider time, CancellationToken cancellationToken)
    {
        var (rules, errors) = TaxRulesMapping.ToRules(input);
        if (rules is null) return Problems.Validation(errors);
        if (TaxRulesValidation.Validate(rules) is { Count: > 0 } invalid) return Problems.Validation(invalid);
        return await SaveAsync(store, tenant, rules, time, cancellationToken);
    }

    private static async Task<Results<Ok<TaxRulesResponse>, ValidationProblem, ProblemHttpResult>> DeleteAsync(IDocumentStore store,
        TenantContext tenant, TimeProvider time, CancellationToken cancellationToken) =>
        await SaveAsync(store, tenant, null, time, cancellationToken);

    private static async Task<Results<Ok<TaxRulesResponse>, ValidationProblem, ProblemHttpResult>> SaveAsync(IDocumentStore store, TenantContext tenant,
        TaxRules? rules, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(tenant.Require());
        if (await session.LoadAsync<EmitterProfile>(tenant.Require(), cancellationToken) is not { } profile) return EmitterApi.NoEmitter();
        profile.Taxes = rules;
        profile.UpdatedAt = time.GetUtcNow();
        session.Store(profile);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(TaxRulesMapping.Response(rules));
    }
}
