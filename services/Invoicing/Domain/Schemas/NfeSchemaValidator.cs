using System.Collections.Concurrent;
using System.Xml;
using System.Xml.Schema;
using TrayBridge.Invoicing.Domain.Keys;
using TrayBridge.NfeSchemas;

namespace TrayBridge.Invoicing.Domain.Schemas;

/// <summary>
/// Validates NF-e documents against the official XSDs of one schema package: the copy embedded in this assembly
/// (<c>schemas/nfe/</c> of the repository), or, as an override, a folder holding the package. The entry
/// schema follows the root element: <c>NFe</c> → nfe_v4.00.xsd, <c>enviNFe</c> → enviNFe_v4.00.xsd, <c>nfeProc</c> →
/// procNFe_v4.00.xsd, <c>inutNFe</c> → inutNFe_v4.00.xsd. Each is compiled once and shared; validation itself is thread-safe.
/// </summary>
public sealed class NfeSchemaValidator
{
    private static readonly Dictionary<string, string> EntrySchemas = new(StringComparer.Ordinal)
    {
        ["NFe"] = "nfe_v4.00.xsd", ["enviNFe"] = "enviNFe_v4.00.xsd", ["nfeProc"] = "procNFe_v4.00.xsd", ["inutNFe"] = "inutNFe_v4.00.xsd",
    };

    private const string Namespace = "http://www.portalfiscal.inf.br/nfe";

    private readonly ConcurrentDictionary<string, Lazy<XmlSchemaSet>> sets = new(StringComparer.Ordinal);

    private readonly string? package;

    /// <summary>The package as embedded in this assembly: what the service uses unless a schema folder is set.</summary>
    public NfeSchemaValidator(NfeSchemaPackage package)
    {
        this.package = package.FolderName();
        if (!NfeSchemaResources.Has(this.package, "leiauteNFe_v4.00.xsd"))
            throw new InvalidOperationException($"The NF-e schema package {this.package} is not embedded in this build (schemas/nfe/).");
    }

    /// <param name="schemaFolder">The folder of one package, e.g. <c>…/nfe-schemas/PL_009_V4</c>.</param>
    public NfeSchemaValidator(string schemaFolder)
    {
        if (!File.Exists(Path.Combine(schemaFolder, "leiauteNFe_v4.00.xsd")))
            throw new DirectoryNotFoundException(
                $"No NF-e schema package in '{Path.GetFullPath(schemaFolder)}' (leiauteNFe_v4.00.xsd is missing): point the schema folder setting at an unzipped PL_009_V4 or PL_010 package.");
        SchemaFolder = Path.GetFullPath(schemaFolder);
    }

    /// <summary>The embedded package when <paramref name="schemasRoot"/> is empty; otherwise its folder under
    /// <paramref name="schemasRoot"/>, named as published (PL_009_V4, PL_010_V1.30).</summary>
    public static NfeSchemaValidator ForPackage(string? schemasRoot, NfeSchemaPackage package) =>
        string.IsNullOrWhiteSpace(schemasRoot) ? new(package) : new(Path.Combine(schemasRoot, package.FolderName()));

    /// <summary>The override folder the schemas are read from; null when they are the embedded copy.</summary>
    public string? SchemaFolder { get; }

    /// <summary>Events share the root <c>envEvento</c>/<c>procEventoNFe</c>: the entry schema is named by the caller
    /// (e.g. envEventoCancNFe_v1.00.xsd, procCCeNFe_v1.00.xsd).</summary>
    /// <exception cref="NfeSchemaException">The document does not satisfy the schema.</exception>
    public void EnsureValid(string xml, string entry)
    {
        var errors = Validate(xml, entry);
        if (errors.Count > 0) throw new NfeSchemaException(errors);
    }

    /// <returns>Empty when valid; otherwise one line per problem: the element's path and the schema's message.</returns>
    public IReadOnlyList<string> Validate(string xml)
    {
        string root;
        try { root = RootName(xml); }
        catch (XmlException e) { return [$"Not well-formed XML: {e.Message}"]; }
        if (!EntrySchemas.TryGetValue(root, out var entry))
            return [$"No NF-e schema for a '{root}' document (NFe, enviNFe, nfeProc or inutNFe in namespace {Namespace})."];
        return Validate(xml, entry);
    }

    /// <returns>The errors of <paramref name="xml"/> against the package's <paramref name="entry"/> schema.</returns>
    public IReadOnlyList<string> Validate(string xml, string entry)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Set(entry), DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        var path = new ElementPath();
        settings.ValidationEventHandler += (sender, e) => errors.Add(SchemaMessages.Describe(path.At(sender as XmlReader), e));
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            while (reader.Read()) path.Track(reader);
        }
        catch (XmlException e) { errors.Add($"Not well-formed XML: {e.Message}"); }
        return errors;
    }

    /// <exception cref="NfeSchemaException">The document does not satisfy the schema (SEFAZ 215/225).</exception>
    public void EnsureValid(string xml)
    {
        var errors = Validate(xml);
        if (errors.Count > 0) throw new NfeSchemaException(errors);
    }

    private XmlSchemaSet Set(string entry) => sets.GetOrAdd(entry, e => new Lazy<XmlSchemaSet>(() => Compile(e))).Value;

    // The XSDs include and import each other by relative path: without a resolver .NET no longer follows them.
    private XmlSchemaSet Compile(string entry)
    {
        if (package is not null) return NfeSchemaResources.Compile(package, entry);
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add(Namespace, Path.Combine(SchemaFolder!, entry));
        set.Compile();
        return set;
    }

    private static string RootName(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        reader.MoveToContent();
        return reader.NamespaceURI == Namespace ? reader.LocalName : $"{{{reader.NamespaceURI}}}{reader.LocalName}";
    }
}
