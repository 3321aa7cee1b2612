using System.Collections.Concurrent;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using TrayBridge.Invoicing.Domain.Signing;

namespace TrayBridge.Invoicing.Tests;

/// <summary>Self-signed stand-ins for ICP-Brasil e-CNPJ A1 certificates: RSA-2048, the subject's CN "RAZAO SOCIAL:CNPJ"
/// and the CNPJ again in the Subject Alternative Name as otherName 2.16.76.1.3.3, as DOC-ICP-04 lays them out. Cached
/// per CNPJ: key generation is the slow part.</summary>
public static class TestCertificates
{
    private static readonly ConcurrentDictionary<string, X509Certificate2> Cache = new();

    /// <summary>The emitter of nfe.md's examples, 11.222.333/0001-81.</summary>
    public const string ExampleCnpj = "11222333000181";

    public static X509Certificate2 For(string cnpj, string name = "LOJA EXEMPLO LTDA") =>
        Cache.GetOrAdd($"{name}:{cnpj}", _ => Create($"CN={name}:{cnpj}, OU=Certificado PJ A1, O=ICP-Brasil, C=BR", cnpj));

    /// <summary>The CNPJ only in the CN, as some older certificates carry it.</summary>
    public static X509Certificate2 WithCnpjInSubjectOnly(string cnpj) =>
        Cache.GetOrAdd($"cn-only:{cnpj}", _ => Create($"CN=LOJA EXEMPLO LTDA:{cnpj}, O=ICP-Brasil, C=BR", sanCnpj: null));

    /// <summary>A certificate that is not an e-CNPJ.</summary>
    public static X509Certificate2 WithoutCnpj() => Cache.GetOrAdd("none", _ => Create("CN=Fulano de Tal, C=BR", sanCnpj: null));

    private static X509Certificate2 Create(string subject, string? sanCnpj)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation | X509KeyUsageFlags.KeyEncipherment, critical: true));
        if (sanCnpj is not null) request.CertificateExtensions.Add(new X509Extension("2.5.29.17", SubjectAltName(sanCnpj), critical: false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        // A PFX round trip, as an A1 file is loaded in production (X509CertificateLoader.LoadPkcs12).
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx, "test"), "test", X509KeyStorageFlags.EphemeralKeySet);
    }

    // GeneralNames { otherName [0] { 2.16.76.1.3.3, [0] EXPLICIT OCTET STRING "cnpj" } }.
    private static byte[] SubjectAltName(string cnpj)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        var contextZero = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);
        using (writer.PushSequence())
        using (writer.PushSequence(contextZero))
        {
            writer.WriteObjectIdentifier(CertificateCnpj.OtherNameOid);
            using (writer.PushSequence(contextZero)) writer.WriteOctetString(Encoding.ASCII.GetBytes(cnpj));
        }
        return writer.Encode();
    }
}
