using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TrayBridge.Api.Invoicing;
using TrayBridge.Invoicing.Features.Sefaz;
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
        SefazWebServices sefaz, TimeProvider time, CancellationToken cancellationToken)
    {
        var (emitter, problems, code) = EmitterRequestReader.Read(input);
        if (emitter is null)
            return TypedResults.ValidationProblem(problems, detail: code == EmitterRequestReader.SefazUrlRefused
                    ? "Os endereços da SEFAZ seguem a tabela oficial para a UF e o ambiente do emitente: não são informados."
                    : "Verifique os campos destacados.",
                extensions: new Dictionary<string, object?> { [Api.ApiProblem.CodeMember] = code });
        await using var session = store.LightweightSession(tenant.Require());
        var profile = await session.LoadAsync<EmitterProfile>(tenant.Require(), cancellationToken)
            ?? new EmitterProfile { Id = tenant.Require(), Emitter = EmitterData.From(emitter) };
        // The certificate stays: a changed address does not need a new one (GET warns when the CNPJ root no longer matches).
        profile.Emitter = EmitterData.From(emitter);
        profile.UpdatedAt = time.GetUtcNow();
        session.Store(profile);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(EmitterView.From(profile, sefaz, time.GetUtcNow()));
    }

    private static async Task<Results<Ok<EmitterResponse>, ProblemHttpResult>> GetAsync(IDocumentStore store, TenantContext tenant, SefazWebServices sefaz,
        TimeProvider time, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(tenant.Require());
        return await session.LoadAsync<EmitterProfile>(tenant.Require(), cancellationToken) is { } profile
            ? TypedResults.Ok(EmitterView.From(profile, sefaz, time.GetUtcNow()))
            : NoEmitter();
    }
}
