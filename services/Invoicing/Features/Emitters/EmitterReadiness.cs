using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.Invoicing.Features.Emitters;

/// <summary>Whether the tenant can sign a note now: an emitter with an A1 certificate that has not expired. The same
/// answer for a batch, a resend and a voiding, so the panel shows one message and one code for each case.</summary>
public static class EmitterReadiness
{
    public const string NoEmitter = "emitter.not_found";
    public const string NoCertificate = "emitter.no_certificate";
    public const string CertificateExpired = "emitter.certificate_expired";

    /// <summary>Null when notes can be signed; else a 409 saying what to set up first.</summary>
    public static ProblemHttpResult? Problem(EmitterProfile? profile, DateTimeOffset now) => Reason(profile, now) is { } reason
        ? Problems.Conflict(reason.Code, reason.Detail)
        : null;

    public static Api.Reason? Reason(EmitterProfile? profile, DateTimeOffset now) => profile switch
    {
        null => new(NoEmitter, "Cadastre o emitente em Configurações › Emitente antes de emitir notas."),
        { Certificate: null } => new(NoCertificate, "Envie o certificado digital A1 do emitente em Configurações › Emitente antes de emitir notas."),
        { Certificate: var c } when c.NotAfter <= now => new(CertificateExpired,
            $"O certificado A1 venceu em {BrazilTime.Date(c.NotAfter)}: envie o certificado renovado em Configurações › Emitente."),
        _ => null,
    };
}
