using System.Xml;
using System.Xml.Schema;

namespace TrayBridge.SefazSimulator.Tests.Support;

/// <summary>The official XSDs in the shared folder beside the repository (never copied in), to check what the simulator answers.</summary>
public static class OfficialSchemas
{
    public static string Folder(string package = "PL_009_V4")
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TrayBridge.slnx")))
                return Path.Combine(dir.FullName, "..", "shared", "nfe-schemas", package);
        throw new InvalidOperationException("Not inside the repository.");
    }

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
}
