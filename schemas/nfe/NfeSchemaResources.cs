using System.Reflection;
using System.Xml;
using System.Xml.Schema;

namespace TrayBridge.NfeSchemas;

/// <summary>
/// The official NF-e XSD packages of the repository's <c>schemas/nfe/</c>, embedded in the assembly this file is compiled
/// into. This one file is linked (not copied) into the Invoicing and SEFAZ simulator projects, each of which embeds the
/// same XSDs as <c>NfeSchemas/&lt;package&gt;/&lt;file&gt;</c>: a binary or an image validates notes with no folder beside it.
/// </summary>
internal static class NfeSchemaResources
{
    private const string Prefix = "NfeSchemas/";

    /// <summary>Embedded schemas are addressed as <c>nfe-schemas://embedded/&lt;package&gt;/&lt;file&gt;</c>: an absolute URI, so
    /// the schemas' relative <c>schemaLocation</c>s resolve against it as against a folder, under a scheme that no file
    /// or network resolver would ever answer.</summary>
    private static readonly Uri Root = new("nfe-schemas://embedded/");

    private static readonly Assembly Assembly = typeof(NfeSchemaResources).Assembly;

    // MSBuild writes %(RecursiveDir) with the build machine's separator: names are kept with '/'.
    private static readonly Dictionary<string, string> Resources = Assembly.GetManifestResourceNames()
        .Select(name => (Key: name.Replace('\\', '/'), Name: name))
        .Where(r => r.Key.StartsWith(Prefix, StringComparison.Ordinal))
        .ToDictionary(r => r.Key[Prefix.Length..], r => r.Name, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="package"/> (a folder name as published, e.g. PL_009_V4) embeds <paramref name="file"/>.</summary>
    public static bool Has(string package, string file) => Resources.ContainsKey($"{package}/{file}");

    /// <summary>Compiles the entry schema <paramref name="file"/> of an embedded package with everything it includes and
    /// imports, all read from the embedded copy of the same package.</summary>
    /// <exception cref="FileNotFoundException">The package or the file is not embedded.</exception>
    public static XmlSchemaSet Compile(string package, string file)
    {
        var uri = new Uri(Root, $"{Uri.EscapeDataString(package)}/{Uri.EscapeDataString(file)}");
        var resolver = new EmbeddedResolver();
        var set = new XmlSchemaSet { XmlResolver = resolver };
        // Read with its URI as base URI, so its includes come back to the resolver relative to the package.
        using (var reader = XmlReader.Create((Stream)resolver.GetEntity(uri, null, typeof(Stream)),
                   new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }, uri.AbsoluteUri))
            set.Add(null, reader);
        set.Compile();
        return set;
    }

    /// <summary>Answers only embedded schemas: an include that points elsewhere (a file, the network) fails instead of
    /// reading what the binary does not carry.</summary>
    private sealed class EmbeddedResolver : XmlResolver
    {
        public override object GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            if (ofObjectToReturn is not null && ofObjectToReturn != typeof(Stream) && ofObjectToReturn != typeof(object))
                throw new XmlException($"Only streams are served for {absoluteUri}.");
            var key = absoluteUri.Scheme == Root.Scheme && absoluteUri.Host == Root.Host
                ? Uri.UnescapeDataString(absoluteUri.AbsolutePath.TrimStart('/')) : null;
            if (key is null || !Resources.TryGetValue(key, out var name))
                throw new FileNotFoundException($"NF-e schema {absoluteUri} is not embedded (schemas/nfe/ of the repository).");
            return Assembly.GetManifestResourceStream(name)!;
        }
    }
}
