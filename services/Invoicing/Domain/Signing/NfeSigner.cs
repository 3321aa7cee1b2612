using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;

namespace TrayBridge.Invoicing.Domain.Signing;

/// <summary>
/// Signs an NF-e as the schema and SEFAZ require (nfe.md §3.2): enveloped XML-DSig over <c>infNFe</c> referenced as
/// <c>#NFe…</c>, inclusive C14N, RSA-SHA1 and SHA-1 set explicitly (SignedXml defaults to SHA-256), the certificate in
/// KeyInfo, and <c>Signature</c> appended as the last child of <c>NFe</c> without a prefix. An inutilização (<c>inutNFe</c>)
/// is signed the same way over its <c>infInut</c>.
/// </summary>
public static class NfeSigner
{
    /// <returns>The signed NF-e, compact, to be stored and sent byte for byte.</returns>
    /// <exception cref="NfeSignatureException">The certificate has no private RSA key or another CNPJ root (213).</exception>
    public static string Sign(string nfeXml, X509Certificate2 certificate)
    {
        var document = XmlDsig.Load(nfeXml);
        var (infNFe, emitterCnpj) = XmlDsig.Signable(document);
        if (document.DocumentElement!.GetElementsByTagName("Signature", SignedXml.XmlDsigNamespaceUrl).Count > 0)
            throw new NfeSignatureException("The NF-e is already signed.");
        if (!CertificateCnpj.SameRoot(certificate, emitterCnpj))
            throw new NfeSignatureException(
                $"The certificate's CNPJ root ({CertificateCnpj.RootOf(certificate) ?? "none"}) is not the emitter's ({emitterCnpj}); SEFAZ would reject it (213).");
        var key = certificate.GetRSAPrivateKey() ?? throw new NfeSignatureException("The certificate has no RSA private key.");

        var signed = new SignedXml(document) { SigningKey = key };
        signed.SignedInfo!.CanonicalizationMethod = XmlDsig.Canonicalization;
        signed.SignedInfo.SignatureMethod = XmlDsig.SignatureMethod;
        var reference = new Reference("#" + infNFe.GetAttribute("Id")) { DigestMethod = XmlDsig.DigestMethod };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigC14NTransform());
        signed.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(certificate));
        signed.KeyInfo = keyInfo;
        signed.ComputeSignature();

        document.DocumentElement.AppendChild(document.ImportNode(signed.GetXml(), deep: true));
        return document.OuterXml;
    }
}
