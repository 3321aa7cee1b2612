using TrayBridge.Api;
using TrayBridge.Api.Invoicing;
using TrayBridge.Invoicing.Domain.Emitters;
using TrayBridge.Invoicing.Domain.Taxes;
using TrayBridge.Invoicing.Features.Sefaz;
using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.Invoicing.Features.Emitters;

/// <summary>What <c>GET /api/invoicing/emitter</c> shows (<see cref="EmitterResponse"/>): never the PFX or its password,
/// only the certificate's holder, CNPJ and validity, and warnings (expired, expiring within 30 days, another CNPJ root,
/// none uploaded) in Portuguese with their codes.</summary>
public static class EmitterView
{
    public static readonly TimeSpan ExpiryWarning = TimeSpan.FromDays(30);

    public static EmitterResponse From(EmitterProfile profile, SefazWebServices sefaz, DateTimeOffset now)
    {
        var e = profile.Emitter;
        var warnings = new List<Reason>();
        CertificateInfo? certificate = null;
        if (profile.Certificate is { } c)
        {
            var expired = c.NotAfter <= now;
            var soon = !expired && c.NotAfter - now < ExpiryWarning;
            certificate = new CertificateInfo(c.Subject, c.Cnpj, c.NotBefore, c.NotAfter, c.Thumbprint, Holder(c.Subject), expired, soon,
                expired ? 0 : (int)Math.Ceiling((c.NotAfter - now).TotalDays));
            if (expired)
                warnings.Add(new("certificate.expired",
                    $"O certificado A1 venceu em {BrazilTime.Date(c.NotAfter)}: nenhuma nota pode ser emitida até que o certificado renovado seja enviado."));
            else if (soon)
                warnings.Add(new("certificate.expires_soon", $"O certificado A1 vence em {BrazilTime.Date(c.NotAfter)}: envie o certificado renovado."));
            if (c.Cnpj is null || c.Cnpj[..8] != e.Cnpj[..8])
                warnings.Add(new("certificate.other_cnpj_root", $"A raiz do CNPJ do certificado ({c.Cnpj?[..8] ?? "nenhuma"}) não é a do emitente "
                    + $"({e.Cnpj[..8]}): a SEFAZ rejeitaria as notas (213)."));
        }
        else warnings.Add(new("certificate.missing", "Nenhum certificado A1 enviado: envie um antes de emitir notas."));
        var a = e.Address;
        return new EmitterResponse(e.Cnpj, e.StateRegistration, e.Name, e.TradeName,
            new EmitterAddress(a.Street, a.Number, a.Complement, a.District, a.CityCode, a.CityName, a.Uf, a.ZipCode, a.Phone), (int)e.Crt, e.Series,
            (int)e.Environment, Endpoints(sefaz.For(a.Uf, e.Environment)!),
            certificate, [.. warnings.Select(w => w.Detail)], warnings,
            DifalCodes.Code(e.Difal), DifalCodes.Code(e.Difal ?? DifalPolicies.DefaultFor(e.Crt)));
    }

    // The UF was validated when the emitter was saved, and the table covers every UF.
    private static EmitterSefazUrls Endpoints(SefazEndpoints s) =>
        new(s.Authorization, s.Receipt, s.Consultation, s.Voiding, s.Authorizer, s.Events, s.Overridden);

    /// <summary>The subject's CN (an A1's is "NAME:CNPJ"), else the whole subject.</summary>
    public static string Holder(string subject) =>
        subject.Split(',', StringSplitOptions.TrimEntries).FirstOrDefault(p => p.StartsWith("CN=", StringComparison.OrdinalIgnoreCase)) is { } cn
            ? cn[3..].Trim('"')
            : subject;
}
