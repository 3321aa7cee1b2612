using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace TrayBridge.Deploy.Tests;

/// <summary>The repository stands alone: someone who clones it, and nothing beside it, can build, run and test it — the
/// NF-e schemas are inside it (<c>schemas/nfe/</c>), embedded in the hosts that validate notes.</summary>
public sealed partial class StandAloneTests
{
    private static readonly string[] SchemaHosts = ["services/Invoicing/TrayBridge.Invoicing.csproj", "simulators/Sefaz/TrayBridge.SefazSimulator.csproj"];

    [Fact]
    public void No_tracked_file_names_the_shared_folder_beside_the_repository()
    {
        var files = TrackedFiles();
        Assert.Contains("schemas/nfe/PL_009_V4/nfe_v4.00.xsd", files);

        Expect.None(
            from file in files
            let path = Repository.PathOf(file)
            where File.Exists(path) && !IsBinary(path)
            from line in File.ReadLines(path).Select((text, index) => (Text: text, Number: index + 1))
            where SharedFolder().IsMatch(line.Text)
            select $"{file}:{line.Number} names the folder beside the repository, which a clone does not have: {line.Text.Trim()}");
    }

    [Fact]
    public void Both_schema_packages_are_in_the_repository_and_both_hosts_embed_them()
    {
        foreach (var package in new[] { "PL_009_V4", "PL_010_V1.30" })
        foreach (var entry in new[] { "nfe_v4.00.xsd", "enviNFe_v4.00.xsd", "procNFe_v4.00.xsd", "leiauteNFe_v4.00.xsd", "xmldsig-core-schema_v1.01.xsd" })
            Assert.True(File.Exists(Repository.PathOf($"schemas/nfe/{package}/{entry}")), $"schemas/nfe/{package}/{entry} is missing.");

        Expect.None(SchemaHosts.Where(project => !XDocument.Load(Repository.PathOf(project)).Descendants("EmbeddedResource")
                .Any(item => item.Attribute("Include")?.Value == "../../schemas/nfe/**/*.xsd"))
            .Select(project => $"{project} does not embed ../../schemas/nfe/**/*.xsd."));
    }

    // The parent folder's "shared" as a path (either slash) or as Path.Combine's or Join-Path's parts, and the schema
    // folder's old name under it in any of those spellings.
    [GeneratedRegex("""\.\.\s*(?:[/\\]|["']\s*,\s*["'])\s*shared\b|[/\\"']shared["']?\s*(?:[/\\]|,\s*["'])\s*nfe-schemas""")]
    private static partial Regex SharedFolder();

    /// <summary>What git tracks; where git is not there (an exported tree), every file but build output and history.</summary>
    internal static List<string> TrackedFiles()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["-C", Repository.Root, "ls-files", "-z"])
                { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            if (git.ExitCode == 0) return output.Split('\0', StringSplitOptions.RemoveEmptyEntries).ToList();
        }
        catch (System.ComponentModel.Win32Exception) { } // no git on this machine
        string[] skipped = ["bin", "obj", "artifacts", ".git", ".run", "node_modules", "TestResults"];
        return Directory.EnumerateFiles(Repository.Root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(Repository.Relative)
            .Where(file => !file.Split('/').SkipLast(1).Any(skipped.Contains))
            .ToList();
    }

    internal static bool IsBinary(string path)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[8192];
        return head.AsSpan(0, stream.Read(head)).Contains((byte)0);
    }
}
