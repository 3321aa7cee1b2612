using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace TrayBridge.SefazSimulator.Validation;

/// <summary>What the NF-e's signature gave: the signing certificate and the DigestValue (the protocol's digVal).</summary>
public sealed record SignatureResult(Status? Rejection, X509Certificate2? Certificate, string? DigestValue);

/// <summary>
/// The enveloped XML-DSig over <c>infNFe</c> that nfe.md §3 describes: one reference to <c>#NFe…</c>, the enveloped and
/// C14N transforms, RSA-SHA1 and SHA-1 (298 otherwise), verified with the certificate it carries (297 when it does not verify).
/// </summary>
public static class SignatureCheck
{
    private const string Ds = SignedXml.XmlDsigNamespaceUrl;

    /// <param name="nfe">The NF-e (or inutNFe) alone, loaded with PreserveWhitespace: inside the SOAP envelope inclusive C14N would
    /// also take the envelope's namespaces and no signature would verify.</param>
    public static SignatureResult Verify(XmlDocument nfe, string signedId)
    {
        var signature = nfe.DocumentElement?.LastChild as XmlElement;
        if (signature is null || signature.LocalName != "Signature" || signature.NamespaceURI != Ds)
            return Fail(Codes.SignatureNotStandard);
        var signed = new SignedXml(nfe);
        try
        {
            signed.LoadXml(signature);
        }
        catch (CryptographicException)
        {
            return Fail(Codes.SignatureNotStandard);
        }
        if (!FollowsStandard(signed.SignedInfo!, signedId)) return Fail(Codes.SignatureNotStandard);
        var certificateText = signature.SelectSingleNode("*[local-name()='KeyInfo']/*[local-name()='X509Data']/*[local-name()='X509Certificate']")?.InnerText;
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(certificateText ?? ""));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return Fail(Codes.SignatureNotStandard);
        }
        var reference = (Reference)signed.SignedInfo!.References[0]!;
        var digest = Convert.ToBase64String(reference.DigestValue ?? []);
        bool verifies;
        try
        {
            verifies = signed.CheckSignature(certificate, verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            verifies = false;
        }
        return verifies ? new SignatureResult(null, certificate, digest) : new SignatureResult(Codes.SignatureDiffers, certificate, digest);
    }

    private static bool FollowsStandard(SignedInfo info, string signedId)
    {
        if (info.CanonicalizationMethod != SignedXml.XmlDsigC14NTransformUrl || info.SignatureMethod != SignedXml.XmlDsigRSASHA1Url)
            return false;
        if (info.References.Count != 1 || info.References[0] is not Reference reference) return false;
        if (reference.Uri != "#" + signedId || reference.DigestMethod != SignedXml.XmlDsigSHA1Url) return false;
        var transforms = reference.TransformChain;
        return transforms.Count == 2 && transforms[0] is XmlDsigEnvelopedSignatureTransform && transforms[1] is XmlDsigC14NTransform;
    }

    private static SignatureResult Fail(Status status) => new(status, null, null);
}
