using YamlDotNet.RepresentationModel;

namespace TrayBridge.Deploy.Tests;

public static class Yaml
{
    /// <summary>Every document of a file, with anchors and merge keys (<c>&lt;&lt;: *x</c>) resolved as Docker Compose does.</summary>
    public static IReadOnlyList<YamlMappingNode> Load(string path)
    {
        using var reader = File.OpenText(path);
        var stream = new YamlStream();
        stream.Load(reader);
        var merged = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        foreach (var document in stream.Documents) ResolveMergeKeys(document.RootNode, merged);
        return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList();
    }

    /// <summary>The first document of a YAML text (e.g. a kustomization's inline patch).</summary>
    public static YamlNode LoadText(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents[0].RootNode;
    }

    // Not YamlDotNet's MergingParser: it repeats merged keys, so a key that overrides a merged one (valid YAML,
    // where the explicit key wins) would load as a duplicate.
    private static void ResolveMergeKeys(YamlNode node, HashSet<YamlNode> merged)
    {
        if (!merged.Add(node)) return;
        if (node is YamlSequenceNode sequence)
            foreach (var item in sequence.Children) ResolveMergeKeys(item, merged);
        if (node is not YamlMappingNode map) return;
        foreach (var value in map.Children.Values.ToList()) ResolveMergeKeys(value, merged);
        if (!map.Children.Remove(new YamlScalarNode("<<"), out var sources)) return;
        foreach (var source in ((sources as YamlSequenceNode)?.Children ?? [sources]).OfType<YamlMappingNode>())
            foreach (var (key, value) in source.Children)
                map.Children.TryAdd(key, value);
    }

    public static YamlNode? At(this YamlNode? node, params string[] path)
    {
        foreach (var key in path)
            node = node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;
        return node;
    }

    public static string? Text(this YamlNode? node, params string[] path) => (node.At(path) as YamlScalarNode)?.Value;

    public static IEnumerable<YamlNode> Items(this YamlNode? node, params string[] path) =>
        node.At(path) is YamlSequenceNode sequence ? sequence.Children : [];

    public static IEnumerable<(string Key, YamlNode Value)> Entries(this YamlNode? node, params string[] path) =>
        node.At(path) is YamlMappingNode map ? map.Children.Select(c => (((YamlScalarNode)c.Key).Value ?? "", c.Value)) : [];

    /// <summary>An image reference without its tag: <c>traybridge/catalog:dev</c> → <c>traybridge/catalog</c>.</summary>
    public static string WithoutTag(string image)
    {
        var colon = image.LastIndexOf(':');
        return colon > image.LastIndexOf('/') ? image[..colon] : image;
    }
}

public static class Expect
{
    /// <summary>Fails with every problem on its own line, so one run shows all that is wrong.</summary>
    public static void None(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        if (list.Count > 0) Assert.Fail(string.Join(Environment.NewLine, list));
    }
}
