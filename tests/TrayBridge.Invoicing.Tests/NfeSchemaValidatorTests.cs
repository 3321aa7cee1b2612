using TrayBridge.Invoicing.Domain.Keys;
using TrayBridge.Invoicing.Domain.Schemas;
using TrayBridge.Invoicing.Domain.Signing;

namespace TrayBridge.Invoicing.Tests;

/// <summary>nfe.md §5's negative tests, with errors that name the field.</summary>
public sealed class NfeSchemaValidatorTests
{
    private static readonly string Example = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "nfe-md-2.2-unsigned.xml"));

    private static string Signed(string xml) => NfeSigner.Sign(xml, TestCertificates.For(TestCertificates.ExampleCnpj));

    [Theory]
    [InlineData(NfeSchemaPackage.Pl009V4)]
    [InlineData(NfeSchemaPackage.Pl010V130)]
    public void The_signed_example_is_valid_in_both_packages(NfeSchemaPackage package) =>
        Assert.Empty(SchemaFolders.Validator(package).Validate(Signed(Example)));

    [Fact]
    public void An_unsigned_note_is_invalid()
    {
        var error = Assert.Single(SchemaFolders.Validator().Validate(Example));
        Assert.StartsWith("/NFe:", error);
        Assert.Contains("Signature", error);
    }

    [Fact]
    public void A_money_value_with_one_decimal_is_reported_at_its_path()
    {
        var errors = SchemaFolders.Validator().Validate(Signed(Example.Replace("<vNF>109.80</vNF>", "<vNF>109.8</vNF>")));

        var error = Assert.Single(errors);
        Assert.StartsWith("/NFe/infNFe/total/ICMSTot/vNF: ", error);
        Assert.Contains("'109.8'", error);
        Assert.DoesNotContain("http://www.portalfiscal.inf.br/nfe", error);
    }

    [Fact]
    public void A_date_in_UTC_with_Z_and_a_wrong_check_digit_pattern_are_refused()
    {
        var zulu = Signed(Example.Replace("2024-01-15T10:30:00-03:00", "2024-01-15T13:30:00Z"));
        var errors = SchemaFolders.Validator().Validate(zulu);

        Assert.Contains(errors, e => e.StartsWith("/NFe/infNFe/ide/dhEmi: ", StringComparison.Ordinal));
        Assert.Throws<NfeSchemaException>(() => SchemaFolders.Validator().EnsureValid(zulu));
    }

    [Fact]
    public void A_misplaced_element_is_reported_at_its_path()
    {
        var swapped = Signed(Example.Replace("<mod>55</mod><serie>1</serie>", "<serie>1</serie><mod>55</mod>"));

        Assert.Contains(SchemaFolders.Validator().Validate(swapped), e => e.StartsWith("/NFe/infNFe/ide/serie: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Other_documents_and_a_missing_folder_get_clear_errors()
    {
        Assert.Contains("No NF-e schema", Assert.Single(SchemaFolders.Validator().Validate("<foo/>")));
        Assert.Contains("No NF-e schema", Assert.Single(SchemaFolders.Validator().Validate("<NFe/>")));
        var truncated = SchemaFolders.Validator().Validate("<NFe xmlns=\"http://www.portalfiscal.inf.br/nfe\"><infNFe>");
        Assert.Contains("/NFe/infNFe: The required attribute 'Id' is missing.", truncated);
        Assert.Contains(truncated, e => e.StartsWith("Not well-formed XML", StringComparison.Ordinal));
        var missing = Assert.Throws<DirectoryNotFoundException>(() => new NfeSchemaValidator("/nowhere/PL_009_V4"));
        Assert.Contains("schema folder", missing.Message);
    }
}
