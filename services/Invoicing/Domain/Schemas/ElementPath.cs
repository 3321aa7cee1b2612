using System.Xml;

namespace TrayBridge.Invoicing.Domain.Schemas;

/// <summary>Where the reader is, as a path like <c>/NFe/infNFe/det[2]/prod/vProd</c>: the compact XML is one line, so a
/// line and column would not tell the user which field is wrong.</summary>
internal sealed class ElementPath
{
    private readonly List<(string Name, Dictionary<string, int> Children)> stack = [];
    private bool closeOnNext;

    public string Current => "/" + string.Join("/", stack.Select(s => s.Name));

    /// <summary>The path of what <paramref name="reader"/> is on when it reports: an element being opened (a missing
    /// attribute, an unexpected child) is not yet on the stack.</summary>
    public string At(XmlReader? reader) =>
        reader?.NodeType == XmlNodeType.Element ? $"{Current.TrimEnd('/')}/{reader.LocalName}" : Current;

    public void Track(XmlReader reader)
    {
        // An empty element (<x/>) has no end tag: it closes when the next node is read.
        if (closeOnNext) { stack.RemoveAt(stack.Count - 1); closeOnNext = false; }
        if (reader.NodeType == XmlNodeType.EndElement) { stack.RemoveAt(stack.Count - 1); return; }
        if (reader.NodeType != XmlNodeType.Element) return;
        var name = reader.LocalName;
        if (stack.Count > 0)
        {
            var siblings = stack[^1].Children;
            var count = siblings[name] = siblings.GetValueOrDefault(name) + 1;
            if (count > 1 || name == "det") name += $"[{count}]";
        }
        stack.Add((name, []));
        closeOnNext = reader.IsEmptyElement;
    }
}
