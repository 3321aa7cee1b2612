namespace TrayBridge.SefazSimulator.Schemas;

/// <summary>Where the official XSD packages are: the setting, or the shared copy beside the repository.</summary>
public static class SchemaFolder
{
    public static string Resolve(string configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        // Running from the repository (bin/Debug/net10.0 or a test's output): the repo's ../shared/nfe-schemas.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TrayBridge.slnx")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "nfe-schemas"));
        throw new InvalidOperationException(
            "No schema folder: set SefazSimulator:SchemaFolder to the folder holding PL_009_V4/ and PL_010_V1.30/.");
    }

    public static string Package(string configured, string package) => Path.Combine(Resolve(configured), package);
}
