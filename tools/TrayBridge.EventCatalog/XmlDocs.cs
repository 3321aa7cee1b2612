using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace TrayBridge.EventCatalog;

/// <summary>The contracts' XML documentation (generated beside the assembly): the meaning of each message and field.</summary>
public sealed partial class XmlDocs(Dictionary<string, XElement> members)
{
    public static XmlDocs Load(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(path)) throw new FileNotFoundException($"No XML documentation beside {assembly.Location}: the contracts must GenerateDocumentationFile.", path);
        return new(XDocument.Load(path).Descendants("member").ToDictionary(m => (string)m.Attribute("name")!));
    }

    public static XmlDocs Empty { get; } = new([]);

    public string Summary(Type type) => Text(members.GetValueOrDefault($"T:{Name(type)}")?.Element("summary")) ?? "";

    public string? Param(Type type, string name) =>
        Text(members.GetValueOrDefault($"T:{Name(type)}")?.Elements("param").FirstOrDefault(p => (string?)p.Attribute("name") == name));

    public string Property(Type type, string name) => Text(members.GetValueOrDefault($"P:{Name(type)}.{name}")?.Element("summary")) ?? "";

    private static string Name(Type type) => type.FullName!.Replace('+', '.');

    /// <summary>Plain text: <c>see cref</c> becomes the member's short name, code and breaks their text, spaces folded.</summary>
    private static string? Text(XElement? element)
    {
        if (element is null) return null;
        var parts = element.Nodes().Select(n => n switch
        {
            XText t => t.Value,
            XElement { Name.LocalName: "see" } e => ((string?)e.Attribute("cref") ?? (string?)e.Attribute("langword") ?? "").Split('.', ':').Last(),
            XElement e => e.Value,
            _ => "",
        });
        return Spaces().Replace(string.Concat(parts), " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
