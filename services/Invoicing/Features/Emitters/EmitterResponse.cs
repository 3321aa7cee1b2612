using TrayBridge.Invoicing.Domain.Emitters;

namespace TrayBridge.Invoicing.Features.Emitters;

/// <summary>What <c>GET /api/invoicing/emitter</c> shows: never the PFX or its password, only the certificate's subject,
/// validity and warnings (expiring within 30 days, expired, another CNPJ root).</summary>
public sealed record EmitterResponse(
    string Cnpj, string StateRegistration, string Name, string? TradeName, NfeAddress Address, Crt Crt, int Series,
    NfeEnvironment Environment, SefazEndpoints Sefaz, CertificateResponse? Certificate, IReadOnlyList<string> Warnings)
{
    public static readonly TimeSpan ExpiryWarning = TimeSpan.FromDays(30);

    public static EmitterResponse From(EmitterProfile profile, DateTimeOffset now)
    {
        var e = profile.Emitter;
        var warnings = new List<string>();
        CertificateResponse? certificate = null;
        if (profile.Certificate is { } c)
        {
            certificate = new CertificateResponse(c.Subject, c.Cnpj, c.NotBefore, c.NotAfter, c.Thumbprint);
            if (c.NotAfter <= now) warnings.Add($"The A1 certificate expired on {c.NotAfter:yyyy-MM-dd}: no note can be issued until a new one is uploaded.");
            else if (c.NotAfter - now < ExpiryWarning) warnings.Add($"The A1 certificate expires on {c.NotAfter:yyyy-MM-dd}: upload its renewal.");
            if (c.Cnpj is null || c.Cnpj[..8] != e.Cnpj[..8])
                warnings.Add($"The certificate's CNPJ root ({c.Cnpj?[..8] ?? "none"}) is not the emitter's ({e.Cnpj[..8]}): SEFAZ would reject with 213.");
        }
        else warnings.Add("No A1 certificate: upload one before issuing.");
        return new EmitterResponse(e.Cnpj, e.StateRegistration, e.Name, e.TradeName, e.Address, e.Crt, e.Series, e.Environment,
            profile.Sefaz, certificate, warnings);
    }
}

public sealed record CertificateResponse(string Subject, string? Cnpj, DateTimeOffset NotBefore, DateTimeOffset NotAfter, string Thumbprint);
