using System.Collections.Concurrent;
using TrayBridge.Invoicing.Domain.Keys;
using TrayBridge.Invoicing.Domain.Schemas;

namespace TrayBridge.Invoicing.Tests;

/// <summary>The official XSDs are not in the repo: tests read them from TEST_NFE_SCHEMAS (a folder holding the packages,
/// PL_009_V4/ and PL_010_V1.30/), else from the shared folder beside the repository (../shared/nfe-schemas), found
/// from the test binaries up to TrayBridge.slnx as TestSupport's RepositoryLayout does.</summary>
public static class SchemaFolders
{
    private static readonly ConcurrentDictionary<NfeSchemaPackage, NfeSchemaValidator> Validators = new();

    public static string Root { get; } = FindRoot();

    public static NfeSchemaValidator Validator(NfeSchemaPackage package = NfeSchemaPackage.Pl009V4) =>
        Validators.GetOrAdd(package, p => NfeSchemaValidator.ForPackage(Root, p));

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("TEST_NFE_SCHEMAS") is { Length: > 0 } configured) return configured;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TrayBridge.slnx")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "nfe-schemas"));
        throw new DirectoryNotFoundException("TrayBridge.slnx not found above " + AppContext.BaseDirectory + "; set TEST_NFE_SCHEMAS.");
    }
}
