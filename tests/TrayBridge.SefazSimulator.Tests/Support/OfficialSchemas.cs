using System.Xml;
using System.Xml.Schema;

namespace TrayBridge.SefazSimulator.Tests.Support;

/// <summary>The official XSDs as files in the repository (<c>schemas/nfe/</c>), read with .NET's own file resolver rather
/// than the simulator's embedded one, to check what the simulator answers independently of how it loads its schemas.</summary>
public static class OfficialSchemas
{
    /// <summary><c>schemas/nfe/</c> of the repository: one sub-folder per package.</summary>
    public static string Root { get; } = FindRoot();

    public static string Folder(string package = "PL_009_V4") => Path.Combine(Root, package);

    public static IReadOnlyList<string> Errors(string xml, string entry, string package = "PL_009_V4")
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add(null, Path.Combine(Folder(package), entry));
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = set };
        settings.ValidationEventHandler += (_, e) => errors.Add(e.Message);
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read()) { }
        return errors;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TrayBridge.slnx")))
                return Path.Combine(dir.FullName, "schemas", "nfe");
        throw new InvalidOperationException("Not inside the repository.");
    }
}
