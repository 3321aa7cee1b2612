using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace TrayBridge.Invoicing.Domain.Signing;

/// <summary>
/// The CNPJ an ICP-Brasil e-CNPJ (A1) certificate is issued to. The DOC-ICP-04 profile puts it in the Subject
/// Alternative Name as otherName 2.16.76.1.3.3; the subject's CN also ends with it ("RAZAO SOCIAL:11222333000181").
/// SEFAZ compares the root, the first 8 characters, with the emitter's (213), so branches share a certificate.
/// </summary>
public static partial class CertificateCnpj
{
    public const string OtherNameOid = "2.16.76.1.3.3";

    /// <summary>The certificate's CNPJ, bare; null when it carries none (not an e-CNPJ).</summary>
    public static string? Of(X509Certificate2 certificate)
    {
        var fromSan = certificate.Extensions.FirstOrDefault(e => e.Oid?.Value == "2.5.29.17") is { } san ? FromSubjectAltName(san.RawData) : null;
        if (fromSan is not null) return fromSan;
        var match = CnSuffix().Match(certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false));
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>The CNPJ root (raiz: the first 8 characters); null when the certificate carries no CNPJ.</summary>
    public static string? RootOf(X509Certificate2 certificate) => Of(certificate)?[..8];

    /// <summary>Whether SEFAZ accepts this certificate for the emitter's notes (its root is the emitter's).</summary>
    public static bool SameRoot(X509Certificate2 certificate, string emitterCnpj) =>
        emitterCnpj.Length >= 8 && RootOf(certificate) == emitterCnpj[..8];

    // GeneralNames ::= SEQUENCE OF GeneralName; otherName is [0] { type-id OID, value [0] EXPLICIT ANY }.
    private static string? FromSubjectAltName(byte[] der)
    {
        try
        {
            var names = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
            var otherNameTag = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);
            while (names.HasData)
            {
                if (names.PeekTag() != otherNameTag) { names.ReadEncodedValue(); continue; }
                var otherName = names.ReadSequence(otherNameTag);
                if (otherName.ReadObjectIdentifier() != OtherNameOid) continue;
                var value = otherName.ReadSequence(otherNameTag);
                var tag = value.PeekTag();
                var text = tag.HasSameClassAndValue(Asn1Tag.PrimitiveOctetString)
                    ? Encoding.ASCII.GetString(value.ReadOctetString())
                    : value.ReadCharacterString((UniversalTagNumber)tag.TagValue);
                return CnpjValue().Match(text.Trim()) is { Success: true } cnpj ? cnpj.Value : null;
            }
        }
        catch (AsnContentException) { }
        catch (ArgumentException) { }
        return null;
    }

    [GeneratedRegex(@":([0-9A-Z]{12}[0-9]{2})$")]
    private static partial Regex CnSuffix();

    [GeneratedRegex(@"^[0-9A-Z]{12}[0-9]{2}$")]
    private static partial Regex CnpjValue();
}
