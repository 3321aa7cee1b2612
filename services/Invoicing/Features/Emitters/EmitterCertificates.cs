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
    public static (X509Certificate2? Certificate, string? Problem) Load(string? pfxBase64, string? password)
    {
        byte[] pfx;
        try { pfx = Convert.FromBase64String(pfxBase64 ?? ""); }
        catch (FormatException) { return (null, "The PFX is not valid base64."); }
        if (pfx.Length == 0) return (null, "The PFX is empty.");
        try
        {
            // EphemeralKeySet: the private key never lands in a key store on disk.
            var certificate = X509CertificateLoader.LoadPkcs12(pfx, password, X509KeyStorageFlags.EphemeralKeySet);
            return certificate.HasPrivateKey && certificate.GetRSAPrivateKey() is not null
                ? (certificate, null)
                : (null, "The certificate has no RSA private key: an A1 PFX carries it.");
        }
        catch (CryptographicException) { return (null, "The PFX could not be opened: wrong password or not a PKCS#12 file."); }
    }

    public StoredCertificate Protect(string pfxBase64, string password, X509Certificate2 certificate) => new(
        _protector.Protect(pfxBase64), _protector.Protect(password), certificate.Subject, certificate.Thumbprint,
        Domain.Signing.CertificateCnpj.Of(certificate), certificate.NotBefore.ToUniversalTime(), certificate.NotAfter.ToUniversalTime());

    /// <summary>The stored certificate with its private key, for signing and mutual TLS.</summary>
    public X509Certificate2 Open(StoredCertificate stored) => X509CertificateLoader.LoadPkcs12(
        Convert.FromBase64String(_protector.Unprotect(stored.ProtectedPfx)), _protector.Unprotect(stored.ProtectedPassword),
        X509KeyStorageFlags.EphemeralKeySet);
}
