using System.Xml;
using System.Xml.Schema;

namespace TrayBridge.TestSupport;

/// <summary>Validates an nfeProc against procNFe_v4.00.xsd of PL_009_V4 as files in the repository (<c>schemas/nfe/</c>),
/// with .NET's file resolver: a check independent of how the hosts load their embedded copy.</summary>
public static class NfeProcSchema
{
    private static readonly Lazy<XmlSchemaSet> Set = new(() =>
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add("http://www.portalfiscal.inf.br/nfe",
            Path.Combine(RepositoryLayout.Root, "schemas", "nfe", "PL_009_V4", "procNFe_v4.00.xsd"));
        set.Compile();
        return set;
    });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<XmlSchemaSet>> Entries = new();

    public static List<string> Errors(string xml) => Errors(xml, Set.Value);

    /// <summary>Against another entry schema of the package, e.g. procEventoCancNFe_v1.00.xsd or procCCeNFe_v1.00.xsd.</summary>
    public static List<string> Errors(string xml, string entry) => Errors(xml, Entries.GetOrAdd(entry, e => new Lazy<XmlSchemaSet>(() =>
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add("http://www.portalfiscal.inf.br/nfe", Path.Combine(RepositoryLayout.Root, "schemas", "nfe", "PL_009_V4", e));
        set.Compile();
        return set;
    })).Value);

    private static List<string> Errors(string xml, XmlSchemaSet schemas)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => errors.Add(e.Message);
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read()) { }
        return errors;
    }
}
