using System.Collections.Concurrent;
using System.Xml;
using System.Xml.Schema;
using TrayBridge.NfeSchemas;
using TrayBridge.SefazSimulator.Settings;

namespace TrayBridge.SefazSimulator.Schemas;

/// <summary>
/// The official schemas, compiled once per process for each package and entry point (compiling leiauteNFe takes a
/// moment, and every test host would otherwise pay it again). Validation reports every error it meets.
/// </summary>
public sealed class SchemaCatalog(SettingsHolder settings)
{
    private static readonly ConcurrentDictionary<string, Lazy<XmlSchemaSet>> Compiled = new();

    /// <summary>Entry points (nfe.md §5): one per message the simulator receives.</summary>
    public static readonly string[] Entries =
        ["enviNFe_v4.00.xsd", "consReciNFe_v4.00.xsd", "consSitNFe_v4.00.xsd", "consStatServ_v4.00.xsd", "inutNFe_v4.00.xsd",
         "envEventoCancNFe_v1.00.xsd", "envCCe_v1.00.xsd"];

    public bool HasPackage(SefazSettings candidate) =>
        SchemaFolder.Resolve(candidate.SchemaFolder) is { } folder
            ? File.Exists(Path.Combine(folder, candidate.SchemaPackage, "enviNFe_v4.00.xsd"))
            : NfeSchemaResources.Has(candidate.SchemaPackage, "enviNFe_v4.00.xsd");

    /// <summary>The errors of <paramref name="xml"/> (a whole message, e.g. enviNFe) against <paramref name="entry"/>; empty when valid.</summary>
    public IReadOnlyList<string> Validate(string xml, string entry)
    {
        var errors = new List<string>();
        var readerSettings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Set(entry), DtdProcessing = DtdProcessing.Prohibit };
        readerSettings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message} (line {e.Exception?.LineNumber}, position {e.Exception?.LinePosition})");
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), readerSettings);
            while (reader.Read()) { }
        }
        catch (XmlException e)
        {
            errors.Add(e.Message);
        }
        return errors;
    }

    /// <summary>Compiles every entry point of the current package: the readiness check, and a fast failure for a bad folder.</summary>
    public void Warm()
    {
        foreach (var entry in Entries) Set(entry);
    }

    private XmlSchemaSet Set(string entry)
    {
        var current = settings.Current;
        var folder = SchemaFolder.Resolve(current.SchemaFolder);
        // One compiled set per place, package and entry: a settings change to another package or folder compiles anew.
        var key = $"{folder ?? "embedded"}|{current.SchemaPackage}|{entry}";
        return Compiled.GetOrAdd(key, _ => new Lazy<XmlSchemaSet>(() => Compile(folder, current.SchemaPackage, entry),
            LazyThreadSafetyMode.PublicationOnly)).Value;
    }

    // PublicationOnly: a failure (folder not there yet) is not cached, the next call tries again.
    private static XmlSchemaSet Compile(string? folder, string package, string entry)
    {
        if (folder is null) return NfeSchemaResources.Compile(package, entry);
        var path = Path.Combine(folder, package, entry);
        if (!File.Exists(path)) throw new FileNotFoundException($"Schema {path} not found (SefazSimulator:SchemaFolder / SchemaPackage).", path);
        // Modern .NET resolves no xs:include unless told to (nfe.md §5).
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add(null, path);
        set.Compile();
        return set;
    }
}
