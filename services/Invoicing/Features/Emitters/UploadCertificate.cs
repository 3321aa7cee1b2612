using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Invoicing;
using TrayBridge.Invoicing.Domain.Signing;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.Invoicing.Features.Emitters;

/// <summary><c>PUT /api/invoicing/emitter/certificate {pfxBase64, password}</c>: the A1 certificate, refused (422, a
/// <c>certificate.*</c> code) before anything is stored when it cannot be opened, is not valid now, or belongs to another
/// CNPJ root (SEFAZ 213, also as extension <c>sefazCode</c>).</summary>
public static class UploadCertificate
{
    public static async Task<Results<Ok<EmitterResponse>, ProblemHttpResult>> HandleAsync(CertificateUpload request, IDocumentStore store,
        TenantContext tenant, EmitterCertificates certificates, Sefaz.SefazWebServices sefaz, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(tenant.Require());
        if (await session.LoadAsync<EmitterProfile>(tenant.Require(), cancellationToken) is not { } profile)
            return Problems.Conflict(EmitterReadiness.NoEmitter, "Salve os dados do emitente antes de enviar o certificado.");
        var (certificate, problem) = EmitterCertificates.Load(request.PfxBase64, request.Password);
        if (certificate is null) return Problems.Unprocessable(problem!.Code, problem.Detail);
        using (certificate)
        {
            var now = time.GetUtcNow();
            if (certificate.NotAfter.ToUniversalTime() <= now)
                return Problems.Unprocessable("certificate.expired",
                    $"O certificado venceu em {BrazilTime.Date(certificate.NotAfter.ToUniversalTime())}: envie o certificado renovado.");
            if (certificate.NotBefore.ToUniversalTime() > now)
                return Problems.Unprocessable("certificate.not_yet_valid",
                    $"O certificado só vale a partir de {BrazilTime.Date(certificate.NotBefore.ToUniversalTime())}.");
            if (!CertificateCnpj.SameRoot(certificate, profile.Emitter.Cnpj))
            {
                var otherRoot = Problems.Unprocessable("certificate.other_cnpj_root",
                    $"A raiz do CNPJ do certificado ({CertificateCnpj.RootOf(certificate) ?? "nenhuma"}) não é a do emitente ({profile.Emitter.Cnpj[..8]}): "
                    + "a SEFAZ rejeitaria todas as notas (213).");
                otherRoot.ProblemDetails.Extensions["sefazCode"] = "213";
                return otherRoot;
            }
            profile.Certificate = certificates.Protect(request.PfxBase64!, request.Password ?? "", certificate);
            profile.UpdatedAt = now;
            session.Store(profile);
            await session.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(EmitterView.From(profile, sefaz, now));
        }
    }
}
