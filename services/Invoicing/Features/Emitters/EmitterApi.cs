using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TrayBridge.Api.Invoicing;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.ServiceDefaults.Security;

namespace TrayBridge.Invoicing.Features.Emitters;

/// <summary>The tenant's emitter: <c>PUT</c>/<c>GET /api/invoicing/emitter</c> and <c>PUT …/emitter/certificate</c>.</summary>
public static class EmitterApi
{
    public static void MapEmitterApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/invoicing/emitter").WithTags("Emitter");
        group.MapPut("/", PutAsync).WithMetadata(new RequestSizeLimitAttribute(16 * 1024)).RequireAdmin();
        group.MapGet("/", GetAsync);
        // An A1 PFX is a few KB; 64 KB of base64 leaves room for a long chain.
        group.MapPut("/certificate", UploadCertificate.HandleAsync).WithMetadata(new RequestSizeLimitAttribute(96 * 1024)).RequireAdmin();
    }

    public static ProblemHttpResult NoEmitter() =>
        Problems.NotFound(EmitterReadiness.NoEmitter, "Nenhum emitente cadastrado: preencha Configurações › Emitente.");

    private static async Task<Results<Ok<EmitterResponse>, ValidationProblem>> PutAsync(EmitterRequest input, IDocumentStore store, TenantContext tenant,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var (emitter, sefaz, problems) = EmitterRequestReader.Read(input);
        if (emitter is null || sefaz is null) return Problems.Validation(problems);
        await using var session = store.LightweightSession(tenant.Require());
        var profile = await session.LoadAsync<EmitterProfile>(tenant.Require(), cancellationToken)
            ?? new EmitterProfile { Id = tenant.Require(), Emitter = EmitterData.From(emitter), Sefaz = sefaz };
        // The certificate stays: a changed address does not need a new one (GET warns when the CNPJ root no longer matches).
        profile.Emitter = EmitterData.From(emitter);
        profile.Sefaz = sefaz;
        profile.UpdatedAt = time.GetUtcNow();
        session.Store(profile);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(EmitterView.From(profile, time.GetUtcNow()));
    }

    private static async Task<Results<Ok<EmitterResponse>, ProblemHttpResult>> GetAsync(IDocumentStore store, TenantContext tenant, TimeProvider time,
        CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(tenant.Require());
        return await session.LoadAsync<EmitterProfile>(tenant.Require(), cancellationToken) is { } profile
            ? TypedResults.Ok(EmitterView.From(profile, time.GetUtcNow()))
            : NoEmitter();
    }
}
