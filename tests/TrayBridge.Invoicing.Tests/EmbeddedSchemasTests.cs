using TrayBridge.Invoicing.Domain.Keys;
using TrayBridge.Invoicing.Domain.Schemas;
using TrayBridge.Invoicing.Domain.Signing;
using TrayBridge.Invoicing.Features;

namespace TrayBridge.Invoicing.Tests;

/// <summary>The service carries the official schemas (schemas/nfe/ of the repository) inside its assembly: a clone, a
/// binary or an image validates notes with no folder; a folder setting only overrides them.</summary>
public sealed class EmbeddedSchemasTests
{
    private static readonly string Example = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "nfe-md-2.2-unsigned.xml"));

    [Fact]
    public void Every_xsd_of_the_repository_is_embedded_byte_for_byte_and_nothing_else()
    {
        var assembly = typeof(NfeSchemaValidator).Assembly;
        var embedded = assembly.GetManifestResourceNames()
            .Where(n => n.Replace('\\', '/').StartsWith("NfeSchemas/", StringComparison.Ordinal))
            .ToDictionary(n => n.Replace('\\', '/')["NfeSchemas/".Length..], n => n, StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(SchemaFolders.RepositoryFolder, "*.xsd", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(SchemaFolders.RepositoryFolder, f).Replace('\\', '/'), f => f, StringComparer.Ordinal);

        Assert.Contains("PL_009_V4/leiauteNFe_v4.00.xsd", files.Keys);
        Assert.Contains("PL_010_V1.30/DFeTiposBasicos_v1.00.xsd", files.Keys);
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
    public void An_empty_schema_folder_setting_means_the_embedded_schemas()
    {
        var settings = new InvoicingSettings();

        Assert.Equal("", settings.SchemaFolder);
        Assert.Null(settings.ResolvedSchemaFolder());
        var validator = NfeSchemaValidator.ForPackage(settings.ResolvedSchemaFolder(), NfeSchemaPackage.Pl010V130);
        Assert.Null(validator.SchemaFolder);
        Assert.Empty(validator.Validate(Signed(Example)));
    }

    [Theory]
    [InlineData(NfeSchemaPackage.Pl009V4)]
    [InlineData(NfeSchemaPackage.Pl010V130)]
    public void A_schema_folder_overrides_them_and_answers_as_the_embedded_copy_does(NfeSchemaPackage package)
    {
        var fromFolder = NfeSchemaValidator.ForPackage(SchemaFolders.RepositoryFolder, package);
        var embedded = SchemaFolders.Validator(package);
        var wrong = Signed(Example.Replace("<vNF>109.80</vNF>", "<vNF>109.8</vNF>").Replace("<mod>55</mod><serie>1</serie>", "<serie>1</serie><mod>55</mod>"));

        Assert.Equal(Path.Combine(SchemaFolders.RepositoryFolder, package.FolderName()), fromFolder.SchemaFolder);
        Assert.Empty(fromFolder.Validate(Signed(Example)));
        Assert.NotEmpty(embedded.Validate(wrong));
        Assert.Equal(embedded.Validate(wrong), fromFolder.Validate(wrong));
        Assert.Equal(embedded.Validate(Example), fromFolder.Validate(Example));
    }

    private static string Signed(string xml) => NfeSigner.Sign(xml, TestCertificates.For(TestCertificates.ExampleCnpj));
}
