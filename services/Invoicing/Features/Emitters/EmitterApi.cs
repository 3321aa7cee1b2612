using Marten;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Invoicing.Features.Emitters;

/// <summary>The tenant's emitter: <c>PUT</c>/<c>GET /api/invoicing/emitter</c> and <c>PUT …/emitter/certificate</c>.</summary>
public static class EmitterApi
{
    public static void MapEmitterApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/invoicing/emitter").WithTags("Emitter");
        group.MapPut("/", PutAsync);
        group.MapGet("/", GetAsync);
        group.MapPut("/certificate", UploadCertificate.HandleAsync);
    }

    private static async Task<IResult> PutAsync(EmitterInput input, IDocumentStore store, TenantContext tenant, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (emitter, sefaz, problems) = input.Read();
        if (emitter is null || sefaz is null) return Results.ValidationProblem(problems);
        await using var session = store.LightweightSession(tenant.Require());
        var profile = await session.LoadAsync<EmitterProfile>(tenant.Require(), cancellationToken)
            ?? new EmitterProfile { Id = tenant.Require(), Emitter = EmitterData.From(emitter), Sefaz = sefaz };
        // The certificate stays: a changed address does not need a new one (GET warns when the CNPJ root no longer matches).
        profile.Emitter = EmitterData.From(emitter);
        profile.Sefaz = sefaz;
        profile.UpdatedAt = time.GetUtcNow();
        session.Store(profile);
        await session.SaveChangesAsync(cancellationToken);
        return Results.Ok(EmitterResponse.From(profile, time.GetUtcNow()));
    }

    private static async Task<IResult> GetAsync(IDocumentStore store, TenantContext tenant, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(tenant.Require());
        return await session.LoadAsync<EmitterProfile>(tenant.Require(), cancellationToken) is { } profile
            ? Results.Ok(EmitterResponse.From(profile, time.GetUtcNow()))
            : Results.Problem(statusCode: 404, title: "No emitter", detail: "PUT /api/invoicing/emitter first.");
    }
}
