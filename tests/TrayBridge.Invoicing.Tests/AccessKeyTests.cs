using TrayBridge.Invoicing.Domain;
using TrayBridge.Invoicing.Domain.Keys;

namespace TrayBridge.Invoicing.Tests;

public sealed class AccessKeyTests
{
    // nfe.md §1.3, verified there with Python and C#.
    [Theory]
    [InlineData("5206043300991100250655012000000780026730161", 5)] // MOC worked example
    [InlineData("3524011122233300018155001000001234148213697", 4)] // the §2 example
    [InlineData("3524011122233300018155001000000042148213697", 0)] // remainder 0
    [InlineData("3524011122233300018155001000000004148213697", 0)] // remainder 1
    public void The_check_digit_matches_the_reference_vectors(string first43, int expected) =>
        Assert.Equal(expected, AccessKey.ComputeCheckDigit(first43));

    [Fact]
    public void A_key_built_from_its_fields_is_the_reference_key()
    {
        var key = AccessKey.Create("35", new DateTimeOffset(2024, 1, 15, 10, 30, 0, TimeSpan.FromHours(-3)),
            "11222333000181", series: 1, number: 1234, cnf: "48213697", NfeSchemaPackage.Pl009V4);

        Assert.Equal("35240111222333000181550010000012341482136974", key.Value);
        Assert.Equal("NFe35240111222333000181550010000012341482136974", key.Id);
        Assert.Equal(("35", "2401", "11222333000181", "55", 1, 1234, 1, "48213697", 4),
            (key.StateCode, key.YearMonth, key.Cnpj, key.Model, key.Series, key.Number, key.EmissionType, key.Cnf, key.CheckDigit));
    }

    [Fact]
    public void Parsing_checks_the_check_digit()
    {
        Assert.True(AccessKey.TryParse("52060433009911002506550120000007800267301615", NfeSchemaPackage.Pl009V4, out _));
        Assert.True(AccessKey.TryParse("NFe35240111222333000181550010000012341482136974", NfeSchemaPackage.Pl009V4, out var key));
        Assert.Equal(1234, key.Number);
        Assert.False(AccessKey.TryParse("35240111222333000181550010000012341482136975", NfeSchemaPackage.Pl009V4, out _));
        Assert.False(AccessKey.TryParse("3524011122233300018155001000001234148213697", NfeSchemaPackage.Pl009V4, out _));
        Assert.Throws<FormatException>(() => AccessKey.Parse("35240111222333000181550010000012341482136970"));
    }

    [Fact]
    public void An_alphanumeric_CNPJ_counts_each_character_as_ASCII_minus_48_under_PL_010()
    {
        // 12.ABC.345/01DE-35 is the Receita's published example of an alphanumeric CNPJ.
        var key = AccessKey.Create("35", new DateTimeOffset(2026, 8, 3, 9, 0, 0, TimeSpan.FromHours(-3)),
            "12ABC34501DE35", 1, 7, "48213697", NfeSchemaPackage.Pl010V130);

        var first43 = key.Value[..43];
        var sum = 0;
        for (int i = 42, weight = 2; i >= 0; i--, weight = weight == 9 ? 2 : weight + 1) sum += (first43[i] - 48) * weight;
        Assert.Equal(sum % 11 < 2 ? 0 : 11 - sum % 11, key.CheckDigit);
        Assert.Equal("12ABC34501DE35", key.Cnpj);
        Assert.True(AccessKey.TryParse(key.Value, NfeSchemaPackage.Pl010V130, out _));
        Assert.False(AccessKey.TryParse(key.Value, NfeSchemaPackage.Pl009V4, out _));
    }

    [Fact]
    public void PL_009_refuses_an_alphanumeric_CNPJ_with_a_clear_error()
    {
        var error = Assert.Throws<NfeDataException>(() => AccessKey.Create("35", DateTimeOffset.Now, "12ABC34501DE35", 1, 7,
            "48213697", NfeSchemaPackage.Pl009V4));

        Assert.Contains("alfanumérico", error.Message);
        Assert.Contains("PL_009_V4", error.Message);
        Assert.Contains("PL_010", error.Message);
    }

    [Theory]
    [InlineData("48213697", 1234, true)]
    [InlineData("00001234", 1234, false)] // cNF = nNF
    [InlineData("77777777", 1, false)]
    [InlineData("12345678", 1, false)]
    [InlineData("90123456", 1, false)]
    [InlineData("01234567", 1, false)]
    [InlineData("1234567", 1, false)]
    public void The_cNF_follows_NT_2019_001(string cnf, int number, bool valid) =>
        Assert.Equal(valid, CodigoNumerico.IsValid(cnf, number));

    [Fact]
    public void A_new_cNF_is_valid_and_random()
    {
        var drawn = Enumerable.Range(0, 50).Select(_ => CodigoNumerico.New(42)).ToList();
        Assert.All(drawn, cnf => Assert.True(CodigoNumerico.IsValid(cnf, 42)));
        Assert.True(drawn.Distinct().Count() > 45);
    }
}
