using System.Security.Cryptography.X509Certificates;

namespace TrayBridge.SefazSimulator.Validation;

/// <summary>The signing certificate against the issuer: it carries a CNPJ (292), is within its validity (291) and its
/// CNPJ root, the first 8 characters, is the issuer's (213, nfe.md §2.5). No ICP-Brasil chain is checked here.</summary>
public static class CertificateRules
{
    public static Status? Check(X509Certificate2 certificate, string issuer, DateTimeOffset received)
    {
        var cnpj = CertificateCnpj.Find(certificate);
        if (cnpj is null) return Codes.CertificateWithoutCnpj;
        if (received < certificate.NotBefore || received > certificate.NotAfter) return Codes.CertificateValidity;
        return issuer.Length == 14 && issuer[..8] == cnpj[..8] ? null : Codes.CertificateRootDiffers;
    }
}
