namespace TrayBridge.SefazSimulator.Schemas;

/// <summary>Where the official XSD packages are: embedded in the simulator (<c>schemas/nfe/</c> of the repository) unless
/// the setting names a folder holding one sub-folder per package.</summary>
public static class SchemaFolder
{
    /// <returns>The override folder as a full path; null for the embedded schemas.</returns>
    public static string? Resolve(string? configured) =>
        string.IsNullOrWhiteSpace(configured) ? null : Path.GetFullPath(configured);

    /// <summary>Where a package is looked for, in words for an error message.</summary>
    public static string Describe(string? configured) =>
        Resolve(configured) is { } folder ? folder : "the embedded schemas (schemas/nfe/)";
}
