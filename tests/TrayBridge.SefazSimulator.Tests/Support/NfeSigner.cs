using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace TrayBridge.SefazSimulator.Tests.Support;

/// <summary>nfe.md §3.2's signing routine: enveloped XML-DSig over the element with <paramref name="idElement"/>'s Id,
/// C14N, RSA-SHA1 and SHA-1 set explicitly (the defaults are SHA-256), Signature appended as the root's last child.</summary>
public static class NfeSigner
{
    public static string Sign(string xml, X509Certificate2 certificate, string idElement = "infNFe")
    {
        var doc = new XmlDocument { PreserveWhitespace = true };
        doc.LoadXml(xml);
        var signedElement = (XmlElement)doc.GetElementsByTagName(idElement, "http://www.portalfiscal.inf.br/nfe")[0]!;
        var signed = new SignedXml(doc) { SigningKey = certificate.GetRSAPrivateKey() };
        signed.SignedInfo!.CanonicalizationMethod = SignedXml.XmlDsigC14NTransformUrl;
        signed.SignedInfo.SignatureMethod = SignedXml.XmlDsigRSASHA1Url;
        var reference = new Reference("#" + signedElement.GetAttribute("Id")) { DigestMethod = SignedXml.XmlDsigSHA1Url };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigC14NTransform());
        signed.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(certificate));
        signed.KeyInfo = keyInfo;
        signed.ComputeSignature();
        doc.DocumentElement!.AppendChild(doc.ImportNode(signed.GetXml(), true));
        return doc.OuterXml;
    }

    /// <summary>The DigestValue of a signed NF-e (what the protocol's digVal must repeat).</summary>
    public static string DigestOf(string signedXml)
    {
        var doc = new XmlDocument { PreserveWhitespace = true };
        doc.LoadXml(signedXml);
        return doc.GetElementsByTagName("DigestValue", SignedXml.XmlDsigNamespaceUrl)[0]!.InnerText;
    }
}
