using System.Security.Cryptography.Xml;
using System.Xml;

namespace TrayBridge.Invoicing.Domain.Signing;

/// <summary>The one XML-DSig profile the NF-e schema allows (nfe.md §3.1), and loading that keeps the bytes.</summary>
internal static class XmlDsig
{
    public const string NfeNamespace = "http://www.portalfiscal.inf.br/nfe";
    public const string Canonicalization = SignedXml.XmlDsigC14NTransformUrl;
    public const string SignatureMethod = SignedXml.XmlDsigRSASHA1Url;
    public const string DigestMethod = SignedXml.XmlDsigSHA1Url;
    public const string Enveloped = SignedXml.XmlDsigEnvelopedSignatureTransformUrl;

    /// <summary>Whitespace kept: the digest covers the bytes as sent, so nothing may be re-indented.</summary>
    public static XmlDocument Load(string xml)
    {
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        document.LoadXml(xml);
        return document;
    }

    /// <summary>What a document signs and whose CNPJ must be the certificate's: an NF-e's <c>infNFe</c> and its emitter's, or
    /// an inutilização's <c>infInut</c> and its own, an event's <c>infEvento</c> and its author's.</summary>
    public static (XmlElement Signed, string Cnpj) Signable(XmlDocument document)
    {
        if (document.DocumentElement is { LocalName: "inutNFe" } && document.DocumentElement["infInut", NfeNamespace] is { } infInut)
            return (infInut, infInut["CNPJ", NfeNamespace]?.InnerText ?? "");
        // An event (cancellation, carta de correção) is signed over its infEvento, by its author.
        if (document.DocumentElement is { LocalName: "evento" } && document.DocumentElement["infEvento", NfeNamespace] is { } infEvento)
            return (infEvento, infEvento["CNPJ", NfeNamespace]?.InnerText ?? "");
        var infNFe = InfNFe(document);
        return (infNFe, infNFe["emit", NfeNamespace]?["CNPJ", NfeNamespace]?.InnerText ?? "");
    }

    /// <summary>The document's single <c>infNFe</c>, the signed element.</summary>
    public static XmlElement InfNFe(XmlDocument document)
    {
        var found = document.GetElementsByTagName("infNFe", NfeNamespace);
        return found.Count == 1 && found[0] is XmlElement element
            ? element
            : throw new NfeSignatureException($"Expected one infNFe, found {found.Count}.");
    }
}
