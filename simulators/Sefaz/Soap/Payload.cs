using System.Text;
using System.Xml;

namespace TrayBridge.SefazSimulator.Soap;

/// <summary>Helpers for the payload element.</summary>
public static class Payload
{
    /// <summary>The element as a document of its own (the namespaces it uses declared on it), as text.</summary>
    public static string Standalone(XmlElement element)
    {
        var doc = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        doc.AppendChild(doc.ImportNode(element, deep: true));
        return doc.OuterXml;
    }

    public static int Utf8Length(string text) => Encoding.UTF8.GetByteCount(text);
}
