using System.Xml;
using System.Xml.Linq;

namespace TrayBridge.SefazSimulator.Soap;

/// <summary>
/// SOAP 1.2 as the 4.00 web services speak it (nfe.md §4.1): the message inside
/// <c>&lt;nfeDadosMsg xmlns="http://www.portalfiscal.inf.br/nfe/wsdl/{Service}"&gt;</c>, the answer inside <c>nfeResultMsg</c>.
/// No <c>nfeCabecMsg</c> header is needed; one sent is ignored.
/// </summary>
public static class SoapEnvelope
{
    public const string Soap12 = "http://www.w3.org/2003/05/soap-envelope";
    public const string WsdlBase = "http://www.portalfiscal.inf.br/nfe/wsdl/";
    public const string ContentType = "application/soap+xml; charset=utf-8";

    /// <summary>The message element in the body, from a document loaded with PreserveWhitespace (the NF-e signatures need it).</summary>
    public static XmlElement ReadPayload(string body, string service)
    {
        var doc = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        try
        {
            doc.LoadXml(body);
        }
        catch (XmlException e)
        {
            throw new SoapFaultException("Sender", $"The request is not well-formed XML: {e.Message}");
        }
        var envelope = doc.DocumentElement;
        if (envelope is null || envelope.LocalName != "Envelope" || envelope.NamespaceURI != Soap12)
            throw new SoapFaultException("VersionMismatch", "Expected a SOAP 1.2 envelope (http://www.w3.org/2003/05/soap-envelope).");
        var soapBody = Children(envelope).FirstOrDefault(e => e.LocalName == "Body" && e.NamespaceURI == Soap12)
                       ?? throw new SoapFaultException("Sender", "The envelope has no Body.");
        var dados = Children(soapBody).FirstOrDefault()
                    ?? throw new SoapFaultException("Sender", "The Body is empty.");
        if (dados.LocalName == "nfeDadosMsgZip")
            throw new SoapFaultException("Sender", "nfeDadosMsgZip is not supported by this simulator; send nfeDadosMsg.");
        if (dados.LocalName != "nfeDadosMsg" || dados.NamespaceURI != WsdlBase + service)
            throw new SoapFaultException("Sender", $"Expected nfeDadosMsg in namespace {WsdlBase}{service}.");
        return Children(dados).FirstOrDefault() ?? throw new SoapFaultException("Sender", "nfeDadosMsg is empty.");
    }

    public static string Result(string service, XElement payload)
    {
        XNamespace soap = Soap12, wsdl = WsdlBase + service;
        var envelope = new XElement(soap + "Envelope", new XAttribute(XNamespace.Xmlns + "soap", Soap12),
            new XElement(soap + "Body", new XElement(wsdl + "nfeResultMsg", new XAttribute("xmlns", wsdl.NamespaceName), payload)));
        return Declared(envelope);
    }

    public static string Fault(string code, string reason)
    {
        XNamespace soap = Soap12;
        var envelope = new XElement(soap + "Envelope", new XAttribute(XNamespace.Xmlns + "soap", Soap12),
            new XElement(soap + "Body", new XElement(soap + "Fault",
                new XElement(soap + "Code", new XElement(soap + "Value", "soap:" + code)),
                new XElement(soap + "Reason", new XElement(soap + "Text", new XAttribute(XNamespace.Xml + "lang", "en"), reason)))));
        return Declared(envelope);
    }

    private static string Declared(XElement envelope) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + envelope.ToString(SaveOptions.DisableFormatting);

    private static IEnumerable<XmlElement> Children(XmlNode node) => node.ChildNodes.OfType<XmlElement>();
}

/// <summary>An envelope the simulator cannot read: answered as a SOAP 1.2 Fault (400 for the sender's faults).</summary>
public sealed class SoapFaultException(string code, string reason) : Exception(reason)
{
    public string Code { get; } = code;
}
