using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace TrayBridge.SefazSimulator.Tests.Support;

/// <summary>
/// Throwaway self-signed RSA-2048 certificates shaped like an ICP-Brasil e-CNPJ A1: the CNPJ at the end of the CN
/// ("RAZAO SOCIAL:CNPJ") and/or as the subjectAltName otherName 2.16.76.1.3.3.
/// </summary>
public static class TestCertificates
{
    public static readonly X509Certificate2 Issuer = Create("LOJA EXEMPLO LTDA:11222333000181");

    public static X509Certificate2 Create(string commonName, string? altNameCnpj = null, DateTimeOffset? notBefore = null,
        DateTimeOffset? notAfter = null)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}, O=ICP-Brasil, C=BR", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        if (altNameCnpj is not null) request.CertificateExtensions.Add(new X509Extension("2.5.29.17", AltName(altNameCnpj), critical: false));
        var from = notBefore ?? DateTimeOffset.UtcNow.AddYears(-5);
        using var created = request.CreateSelfSigned(from, notAfter ?? from.AddYears(30));
        // A PFX round trip gives a key SignedXml can use on every platform (nfe.md §3.2, pitfall 4).
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null, X509KeyStorageFlags.EphemeralKeySet);
    }

    private static byte[] AltName(string cnpj)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
        {
            writer.WriteObjectIdentifier("2.16.76.1.3.3");
            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
                writer.WriteOctetString(Encoding.ASCII.GetBytes(cnpj));
        }
        return writer.Encode();
    }
}
