using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace TrayBridge.Invoicing.Features.Emitters;

/// <summary>Reads an uploaded PFX and keeps it encrypted at rest. Nothing else sees the PFX or its password in clear,
/// and neither is ever logged.</summary>
public sealed class EmitterCertificates(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("TrayBridge.Invoicing.EmitterCertificate.v1");

    /// <returns>The certificate, or null with why it cannot be read (bad base64, wrong password, no private key).</returns>
    public static (X509Certificate2? Certificate, Api.Reason? Problem) Load(string? pfxBase64, string? password)
    {
        byte[] pfx;
        try { pfx = Convert.FromBase64String(pfxBase64 ?? ""); }
        catch (FormatException) { return (null, new("certificate.unreadable", "O arquivo do certificado não chegou inteiro (base64 inválido): envie-o de novo.")); }
        if (pfx.Length == 0) return (null, new("certificate.missing", "Escolha o arquivo do certificado A1 (.pfx ou .p12)."));
        try
        {
            // EphemeralKeySet: the private key never lands in a key store on disk.
            var certificate = X509CertificateLoader.LoadPkcs12(pfx, password, X509KeyStorageFlags.EphemeralKeySet);
            return certificate.HasPrivateKey && certificate.GetRSAPrivateKey() is not null
                ? (certificate, null)
                : (null, new("certificate.no_private_key", "O arquivo não traz a chave privada RSA: envie o certificado A1 (.pfx) completo."));
        }
        catch (CryptographicException)
        {
            return (null, new("certificate.wrong_password", "Não foi possível abrir o certificado: a senha está errada ou o arquivo não é um .pfx/.p12."));
        }
    }

    public StoredCertificate Protect(string pfxBase64, string password, X509Certificate2 certificate) => new(
        _protector.Protect(pfxBase64), _protector.Protect(password), certificate.Subject, certificate.Thumbprint,
        Domain.Signing.CertificateCnpj.Of(certificate), certificate.NotBefore.ToUniversalTime(), certificate.NotAfter.ToUniversalTime());

    /// <summary>The stored certificate with its private key, for signing and mutual TLS.</summary>
    public X509Certificate2 Open(StoredCertificate stored) => X509CertificateLoader.LoadPkcs12(
        Convert.FromBase64String(_protector.Unprotect(stored.ProtectedPfx)), _protector.Unprotect(stored.ProtectedPassword),
        X509KeyStorageFlags.EphemeralKeySet);
}
