using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace TrayBridge.TestSupport;

/// <summary>Self-signed stand-ins for e-CNPJ A1 certificates as PFX files (base64), with the CNPJ in the CN and in the
/// subjectAltName otherName 2.16.76.1.3.3, as DOC-ICP-04 lays them out; valid from/to as asked.</summary>
public static class A1Certificates
{
    public const string Password = "a1-test";

    public static string Pfx(string cnpj, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=LOJA EXEMPLO LTDA:{cnpj}, OU=Certificado PJ A1, O=ICP-Brasil, C=BR", rsa,
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509Extension("2.5.29.17", SubjectAltName(cnpj), critical: false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(notBefore ?? now.AddDays(-1), notAfter ?? now.AddYears(1));
        return Convert.ToBase64String(certificate.Export(X509ContentType.Pfx, Password));
    }

    /// <summary>A self-signed TLS server certificate for 127.0.0.1, with its private key (for Kestrel).</summary>
    public static X509Certificate2 TlsServer()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1, O=SEFAZ simulator", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx, Password), Password);
    }

    private static byte[] SubjectAltName(string cnpj)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        var contextZero = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);
        using (writer.PushSequence())
        using (writer.PushSequence(contextZero))
        {
            writer.WriteObjectIdentifier("2.16.76.1.3.3");
            using (writer.PushSequence(contextZero)) writer.WriteOctetString(Encoding.ASCII.GetBytes(cnpj));
        }
        return writer.Encode();
    }
}
