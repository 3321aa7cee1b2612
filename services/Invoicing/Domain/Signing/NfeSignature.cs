using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace TrayBridge.Invoicing.Domain.Signing;

/// <summary>
/// Checks an NF-e's signature as SEFAZ does: the profile of nfe.md §3.1 (one reference to this note's <c>infNFe</c>,
/// enveloped + C14N, RSA-SHA1/SHA-1, one certificate) and then the digest and signature value. The profile check
/// stops a signature over some other element being passed off as this note's. The chain is not checked here.
/// </summary>
public static class NfeSignature
{
    /// <returns>The certificate that signed the note.</returns>
    /// <exception cref="NfeSignatureException">The note is unsigned, signed otherwise than the standard, or changed.</exception>
    public static X509Certificate2 Verify(string signedNfeXml)
    {
        var document = XmlDsig.Load(signedNfeXml);
        var infNFe = XmlDsig.InfNFe(document);
        var signatureElement = SignatureOf(document);
        var signed = new SignedXml(document);
        signed.LoadXml(signatureElement);
        CheckProfile(signed, infNFe.GetAttribute("Id"));
        var certificate = signed.KeyInfo.OfType<KeyInfoX509Data>().SingleOrDefault()?.Certificates?.OfType<X509Certificate2>().SingleOrDefault()
            ?? throw new NfeSignatureException("KeyInfo must carry exactly one X509Certificate.");
        if (!signed.CheckSignature(certificate, verifySignatureOnly: true))
            throw new NfeSignatureException("The signature does not match the note: it was changed after signing (297).");
        return certificate;
    }

    /// <summary>A note inside a lot (<c>enviNFe</c>) or an <c>nfeProc</c>.</summary>
    public static X509Certificate2 Verify(XmlElement nfe) => Verify(nfe.OuterXml);

    public static bool TryVerify(string signedNfeXml, out X509Certificate2? certificate, out string? error)
    {
        try { (certificate, error) = (Verify(signedNfeXml), null); return true; }
        catch (Exception e) when (e is NfeSignatureException or XmlException or System.Security.Cryptography.CryptographicException)
        { (certificate, error) = (null, e.Message); return false; }
    }

    /// <summary>The DigestValue, which SEFAZ echoes as <c>protNFe/infProt/digVal</c>: compare before joining the nfeProc.</summary>
    public static string DigestValue(string signedNfeXml)
    {
        var document = XmlDsig.Load(signedNfeXml);
        return SignatureOf(document).GetElementsByTagName("DigestValue", SignedXml.XmlDsigNamespaceUrl) is { Count: 1 } found
            ? found[0]!.InnerText
            : throw new NfeSignatureException("The signature has no single DigestValue.");
    }

    // The Signature is NFe's last child, a sibling after infNFe.
    private static XmlElement SignatureOf(XmlDocument document) =>
        document.DocumentElement?.LastChild is XmlElement { LocalName: "Signature", NamespaceURI: SignedXml.XmlDsigNamespaceUrl } signature
            ? signature
            : throw new NfeSignatureException("The NF-e is not signed: no Signature after infNFe.");

    private static void CheckProfile(SignedXml signed, string id)
    {
        var info = signed.SignedInfo!;
        if (info.CanonicalizationMethod != XmlDsig.Canonicalization) throw Standard($"canonicalization {info.CanonicalizationMethod}");
        if (info.SignatureMethod != XmlDsig.SignatureMethod) throw Standard($"signature method {info.SignatureMethod}");
        if (info.References.Count != 1 || info.References[0] is not Reference reference) throw Standard($"{info.References.Count} references");
        if (reference.Uri != "#" + id) throw Standard($"reference {reference.Uri}, not #{id}");
        if (reference.DigestMethod != XmlDsig.DigestMethod) throw Standard($"digest method {reference.DigestMethod}");
        var chain = reference.TransformChain;
        var transforms = Enumerable.Range(0, chain.Count).Select(i => chain[i].Algorithm).ToList();
        if (!transforms.SequenceEqual([XmlDsig.Enveloped, XmlDsig.Canonicalization])) throw Standard("transforms " + string.Join(", ", transforms));
    }

    private static NfeSignatureException Standard(string what) =>
        new($"The signature does not follow the NF-e standard (298): {what}.");
}
