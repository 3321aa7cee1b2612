using TrayBridge.SefazSimulator.Validation;

namespace TrayBridge.SefazSimulator.Tests;

public sealed class StateRegistrationTests
{
    [Theory]
    [InlineData("SP", "110042490114")]
    [InlineData("RJ", "12345674")]
    [InlineData("PR", "1234567850")]
    [InlineData("RS", "2243658792")]
    [InlineData("MG", "0623079040081")]
    [InlineData("BA", "123456789")] // a UF without a routine here: only the shape is checked
    public void Sintegra_examples_are_valid(string uf, string ie) => Assert.True(StateRegistration.IsValid(uf, ie));

    [Theory]
    [InlineData("SP", "110042490115")]
    [InlineData("SP", "110042491114")]
    [InlineData("SP", "11004249011")]
    [InlineData("RJ", "12345675")]
    [InlineData("PR", "1234567851")]
    [InlineData("RS", "2243658793")]
    [InlineData("MG", "0623079040091")]
    [InlineData("SP", "ISENTO")]
    public void A_wrong_digit_or_length_is_invalid(string uf, string ie) => Assert.False(StateRegistration.IsValid(uf, ie));

    [Fact]
    public void CPF_and_CNPJ_digits_including_an_alphanumeric_CNPJ()
    {
        Assert.True(Documents.IsValidCpf("12345678909"));
        Assert.False(Documents.IsValidCpf("11111111111"));
        Assert.True(Documents.IsValidCnpj("11222333000181"));
        Assert.False(Documents.IsValidCnpj("11222333000182"));
        // The example of NT Conjunta 2025.001: 12.ABC.345/01DE-35.
        Assert.True(Documents.IsValidCnpj("12ABC34501DE35"));
    }

    [Fact]
    public void The_key_check_digit_vectors_of_nfe_md()
    {
        Assert.Equal(5, AccessKey.CheckDigit("5206043300991100250655012000000780026730161"));
        Assert.Equal(4, AccessKey.CheckDigit("3524011122233300018155001000001234148213697"));
        Assert.Equal(0, AccessKey.CheckDigit("3524011122233300018155001000000042148213697"));
        Assert.Equal(0, AccessKey.CheckDigit("3524011122233300018155001000000004148213697"));
    }
}
