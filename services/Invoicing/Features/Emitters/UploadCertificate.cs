using Marten;
using TrayBridge.Invoicing.Domain.Signing;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Invoicing.Features.Emitters;

/// <summary><c>PUT /api/invoicing/emitter/certificate {pfxBase64, password}</c>: the A1 certificate, refused before
/// anything is stored when it cannot be opened, is not valid now, or belongs to another CNPJ root (SEFAZ 213).</summary>
public static class UploadCertificate
{
    public sealed record Request(string? PfxBase64, string? Password);

    public static async Task<IResult> HandleAsync(Request request, IDocumentStore store, TenantContext tenant, EmitterCertificates certificates,
        TimeProvider time, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(tenant.Require());
        if (await session.LoadAsync<EmitterProfile>(tenant.Require(), cancellationToken) is not { } profile)
            return Results.Problem(statusCode: 409, title: "No emitter", detail: "PUT /api/invoicing/emitter before its certificate.");
        var (certificate, problem) = EmitterCertificates.Load(request.PfxBase64, request.Password);
        if (certificate is null) return Refused(problem!);
        using (certificate)
        {
            var now = time.GetUtcNow();
            if (certificate.NotAfter.ToUniversalTime() <= now)
                return Refused($"The certificate expired on {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}.");
            if (certificate.NotBefore.ToUniversalTime() > now)
                return Refused($"The certificate is valid only from {certificate.NotBefore.ToUniversalTime():yyyy-MM-dd}.");
            if (!CertificateCnpj.SameRoot(certificate, profile.Emitter.Cnpj))
                return Refused($"The certificate's CNPJ root ({CertificateCnpj.RootOf(certificate) ?? "none"}) is not the emitter's "
                               + $"({profile.Emitter.Cnpj[..8]}); SEFAZ would reject every note (213).", "213");
            profile.Certificate = certificates.Protect(request.PfxBase64!, request.Password ?? "", certificate);
            profile.UpdatedAt = now;
            session.Store(profile);
            await session.SaveChangesAsync(cancellationToken);
            return Results.Ok(EmitterResponse.From(profile, now));
        }
    }

    private static IResult Refused(string detail, string? sefazCode = null) => Results.Problem(statusCode: 422,
        title: "Certificate refused", detail: detail,
        extensions: sefazCode is null ? null : new Dictionary<string, object?> { ["sefazCode"] = sefazCode });
}
