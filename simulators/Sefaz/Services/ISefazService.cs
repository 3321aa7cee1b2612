using System.Xml;
using TrayBridge.SefazSimulator.Processing;

namespace TrayBridge.SefazSimulator.Services;

/// <summary>One web service: its name (the path's <c>{Service}.asmx</c> and the wsdl namespace suffix) and the message it takes.</summary>
public interface ISefazService
{
    string Name { get; }

    /// <summary>The root element expected inside nfeDadosMsg (enviNFe, consReciNFe…).</summary>
    string Message { get; }

    SoapAnswer Handle(XmlElement payload, DateTimeOffset received);
}
