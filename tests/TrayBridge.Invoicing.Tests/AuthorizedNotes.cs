using System.Xml.Linq;
using TrayBridge.Invoicing.Domain.Building;
using TrayBridge.Invoicing.Domain.Emitters;
using TrayBridge.Invoicing.Domain.Orders;
using TrayBridge.Invoicing.Domain.Signing;
using TrayBridge.Invoicing.Features.Sending;

namespace TrayBridge.Invoicing.Tests;

/// <summary>An nfeProc as the service stores one on authorization: the signed sample note joined with a protNFe like
/// SEFAZ's (cStat 100, protocol <see cref="Protocol"/>, received a minute after issue).</summary>
public static class AuthorizedNotes
{
    public const string Protocol = "135240000012345";
    private static readonly XNamespace Ds = "http://www.w3.org/2000/09/xmldsig#";

    public static (string NfeProc, NfeDocument Document) Build(int number = 1234, NfeOrder? order = null, Emitter? emitter = null)
    {
        var document = Samples.Builder.Build(order ?? Samples.Tshirts(), emitter ?? Samples.SimplesNacional, Samples.Identity(number));
        var signed = NfeSigner.Sign(document.Xml, TestCertificates.For(Samples.Cnpj));
        var environment = (int)(emitter ?? Samples.SimplesNacional).Environment;
        var digest = XElement.Parse(signed).Descendants(Ds + "DigestValue").Single().Value;
        var protNFe = new XElement(NfeXmlAssert.Ns + "protNFe", new XAttribute("versao", "4.00"),
            new XElement(NfeXmlAssert.Ns + "infProt",
                Field("tpAmb", environment), Field("verAplic", "SP_NFE_PL009_V4"), Field("chNFe", document.Key.Value),
                Field("dhRecbto", document.IssuedAt.AddMinutes(1).ToString("yyyy-MM-dd'T'HH:mm:sszzz")), Field("nProt", Protocol),
                Field("digVal", digest), Field("cStat", 100), Field("xMotivo", "Autorizado o uso da NF-e")));
        return (NfeOutcomes.NfeProc(signed, protNFe), document);
    }

    private static XElement Field(string name, object value) => new(NfeXmlAssert.Ns + name, value);
}
