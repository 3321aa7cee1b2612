using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace TrayBridge.SefazSimulator.Validation;

/// <summary>
/// The CNPJ an ICP-Brasil e-CNPJ (A1) certificate carries: in the subject's CN as "RAZAO SOCIAL:CNPJ", and in the
/// subjectAltName as the otherName 2.16.76.1.3.3 (DOC-ICP-04). Either is enough here.
/// </summary>
public static partial class CertificateCnpj
{
    private const string CnpjOtherName = "2.16.76.1.3.3";

    public static string? Find(X509Certificate2 certificate) => FromCommonName(certificate) ?? FromAltName(certificate);

    private static string? FromCommonName(X509Certificate2 certificate)
    {
        var cn = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        var match = CnSuffix().Match(cn ?? "");
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string? FromAltName(X509Certificate2 certificate)
    {
        var extension = certificate.Extensions["2.5.29.17"];
        if (extension is null) return null;
        try
        {
            var names = new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadSequence();
            while (names.HasData)
            {
                var tag = names.PeekTag();
                if (tag != new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true))
                {
                    names.ReadEncodedValue();
                    continue;
                }
                var otherName = names.ReadSequence(tag);
                var type = otherName.ReadObjectIdentifier();
                var value = otherName.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true));
                if (type != CnpjOtherName) continue;
                // Issuers encode it as OCTET STRING or as a character string: read the bytes either way.
                var text = value.PeekTag().TagValue == (int)UniversalTagNumber.OctetString
                    ? Encoding.ASCII.GetString(value.ReadOctetString())
                    : value.ReadCharacterString((UniversalTagNumber)value.PeekTag().TagValue);
                return text.Length >= 14 ? text[..14] : null;
            }
        }
        catch (AsnContentException)
        {
            // A malformed extension carries no usable CNPJ.
        }
        return null;
    }

    [GeneratedRegex(@":([0-9A-Z]{12}[0-9]{2})$")]
    private static partial Regex CnSuffix();
}
