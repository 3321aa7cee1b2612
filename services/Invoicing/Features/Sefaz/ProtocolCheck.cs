using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using TrayBridge.Invoicing.Domain.Signing;
using static TrayBridge.Invoicing.Features.Sefaz.SefazMessages;

namespace TrayBridge.Invoicing.Features.Sefaz;

/// <summary>Whether an authorizing protNFe is this note's: its <c>chNFe</c> is the note's key, its <c>digVal</c> the
/// DigestValue of the note as we signed and sent it (SEFAZ echoes it so the issuer can tell the protocol covers these
/// bytes), and its XML-DSig signature, which the schema makes optional, verifies when present. An answer that fails is
/// never joined to the note into an nfeProc: the DANFE and XML links would otherwise vouch for a note SEFAZ never saw.</summary>
public static class ProtocolCheck
{
    /// <summary>The note's <c>statusCode</c> when SEFAZ's answer did not match it.</summary>
    public const string Mismatch = "protocol_mismatch";

    /// <returns>Null when the protocol is the note's; else why not, in Portuguese.</returns>
    public static string? Problem(XElement protNFe, string key, string signedXml)
    {
        const string after = "a nota não foi considerada autorizada; reenvie-a para que a SEFAZ seja consultada de novo";
        var chNFe = Prot(protNFe, "chNFe");
        if (chNFe != key) return $"A resposta da SEFAZ é de outra chave ({chNFe ?? "nenhuma"}): {after}.";
        var digVal = Prot(protNFe, "digVal");
        if (digVal != NfeSignature.DigestValue(signedXml))
            return $"O resumo (digVal) da resposta da SEFAZ não é o da nota enviada ({digVal ?? "nenhum"}): {after}.";
        return SignatureHolds(protNFe) ? null : $"A assinatura do protocolo da SEFAZ não confere: {after}.";
    }

    // The protocol's own signature covers infProt (Reference to its Id); absent is allowed by the schema.
    private static bool SignatureHolds(XElement protNFe)
    {
        if (protNFe.Element(XName.Get("Signature", SignedXml.XmlDsigNamespaceUrl)) is null) return true;
        try
        {
            var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
            document.LoadXml(protNFe.ToString(SaveOptions.DisableFormatting));
            if (document.DocumentElement?["Signature", SignedXml.XmlDsigNamespaceUrl] is not { } element) return false;
            var signed = new SignedXml(document);
            signed.LoadXml(element);
            var id = document.DocumentElement["infProt", SefazClient.Nfe.NamespaceName]?.GetAttribute("Id");
            if (signed.SignedInfo!.References.Count != 1 || signed.SignedInfo.References[0] is not Reference { Uri: var uri } || uri != "#" + id)
                return false;
            var certificate = signed.KeyInfo.OfType<KeyInfoX509Data>().SingleOrDefault()?.Certificates?.OfType<X509Certificate2>().SingleOrDefault();
            return certificate is not null && signed.CheckSignature(certificate, verifySignatureOnly: true);
        }
        catch (Exception e) when (e is XmlException or System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}
