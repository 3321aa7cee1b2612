using TrayBridge.SefazSimulator.Schemas;
using TrayBridge.SefazSimulator.Tests.Support;

namespace TrayBridge.SefazSimulator.Tests;

/// <summary>The simulator carries the official schemas (schemas/nfe/ of the repository) inside its assembly, so it runs
/// from a binary or an image with no folder; <c>SchemaFolder</c> only overrides them.</summary>
public sealed class SchemaSourceTests
{
    [Fact]
    public void Every_xsd_of_the_repository_is_embedded_byte_for_byte_and_nothing_else()
    {
        var assembly = typeof(SchemaCatalog).Assembly;
        var embedded = assembly.GetManifestResourceNames()
            .Where(n => n.Replace('\\', '/').StartsWith("NfeSchemas/", StringComparison.Ordinal))
            .ToDictionary(n => n.Replace('\\', '/')["NfeSchemas/".Length..], n => n, StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(OfficialSchemas.Root, "*.xsd", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(OfficialSchemas.Root, f).Replace('\\', '/'), f => f, StringComparer.Ordinal);

        Assert.Contains("PL_009_V4/enviNFe_v4.00.xsd", files.Keys);
        Assert.Contains("PL_010_V1.30/enviNFe_v4.00.xsd", files.Keys);
        Assert.Equal(files.Keys.Order(StringComparer.Ordinal), embedded.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, path) in files)
        {
            using var stream = assembly.GetManifestResourceStream(embedded[name])!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Assert.True(File.ReadAllBytes(path).AsSpan().SequenceEqual(copy.ToArray()), $"{name} differs from its embedded copy.");
        }
    }

    [Fact]
    public async Task By_default_the_embedded_schemas_validate_both_packages()
    {
        await using var sefaz = await SefazSession.StartAsync();

        Assert.Equal("", sefaz.Host.Admin.Settings.SchemaFolder);
        Assert.Equal(100, (await sefaz.AuthorizeAsync(1, new TestNfe { Number = 1 }.Signed())).InfProt().CStat());
        Assert.Equal(225, (await sefaz.AuthorizeAsync(1, new TestNfe { Number = 2 }.Xml())).CStat());
        sefaz.Host.Admin.UpdateSettings(s => s with { SchemaPackage = "PL_010_V1.30" });
        Assert.Equal(100, (await sefaz.AuthorizeAsync(1, new TestNfe { Number = 3 }.Signed())).InfProt().CStat());
        Assert.Equal(225, (await sefaz.AuthorizeAsync(1, new TestNfe { Number = 4 }.Xml())).CStat());
        var unknown = Assert.Throws<ArgumentException>(() => sefaz.Host.Admin.UpdateSettings(s => s with { SchemaPackage = "PL_999" }));
        Assert.Contains("embedded", unknown.Message);
    }

    [Fact]
    public async Task A_schema_folder_overrides_them_and_one_without_the_package_is_refused()
    {
        await using var sefaz = await SefazSession.StartAsync();
        sefaz.Host.Admin.UpdateSettings(s => s with { SchemaFolder = OfficialSchemas.Root });

        Assert.Equal(100, (await sefaz.AuthorizeAsync(1, new TestNfe { Number = 1 }.Signed())).InfProt().CStat());
        Assert.Equal(225, (await sefaz.AuthorizeAsync(1, new TestNfe { Number = 2 }.Xml())).CStat());
        var empty = Directory.CreateTempSubdirectory("sefaz-no-schemas-").FullName;
        try
        {
            var refused = Assert.Throws<ArgumentException>(() => sefaz.Host.Admin.UpdateSettings(s => s with { SchemaFolder = empty }));
            Assert.Contains(empty, refused.Message);
            Assert.Equal(OfficialSchemas.Root, sefaz.Host.Admin.Settings.SchemaFolder);
        }
        finally { Directory.Delete(empty); }
    }
}
