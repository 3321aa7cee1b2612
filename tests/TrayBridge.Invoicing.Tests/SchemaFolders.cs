using System.Collections.Concurrent;
using TrayBridge.Invoicing.Domain.Keys;
using TrayBridge.Invoicing.Domain.Schemas;

namespace TrayBridge.Invoicing.Tests;

/// <summary>The validators the tests use: the official XSDs embedded in the Invoicing assembly, as the service uses them.
/// <see cref="RepositoryFolder"/> is the same packages as files (<c>schemas/nfe/</c>), for the folder override.</summary>
public static class SchemaFolders
{
    private static readonly ConcurrentDictionary<NfeSchemaPackage, NfeSchemaValidator> Validators = new();

    /// <summary><c>schemas/nfe/</c> of the repository, found from the test binaries up to TrayBridge.slnx.</summary>
    public static string RepositoryFolder { get; } = FindRepositoryFolder();

    public static NfeSchemaValidator Validator(NfeSchemaPackage package = NfeSchemaPackage.Pl009V4) =>
        Validators.GetOrAdd(package, p => NfeSchemaValidator.ForPackage(null, p));

    private static string FindRepositoryFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TrayBridge.slnx")))
                return Path.Combine(dir.FullName, "schemas", "nfe");
        throw new DirectoryNotFoundException("TrayBridge.slnx not found above " + AppContext.BaseDirectory);
    }
}
