using System.Text.Json;
using TrayBridge.Orders.Domain;
using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.Orders.Tests;

public sealed class DocumentTests
{
    [Theory]
    [InlineData("52998224725")]
    [InlineData("529.982.247-25")]
    [InlineData("111.444.777-35")]
    [InlineData("12442673177")]
    public void A_cpf_with_right_check_digits_is_valid_bare_or_formatted(string cpf) => Assert.True(Cpf.IsValid(cpf));

    [Theory]
    [InlineData("52998224724")]
    [InlineData("52998224715")]
    [InlineData("5299822472")]
    [InlineData("529982247250")]
    [InlineData("11111111111")]
    [InlineData("00000000000")]
    [InlineData("")]
    [InlineData(null)]
    public void A_cpf_with_a_wrong_digit_length_or_repeated_digits_is_invalid(string? cpf) => Assert.False(Cpf.IsValid(cpf));

    [Theory]
    [InlineData("11222333000181")]
    [InlineData("11.222.333/0001-81")]
    [InlineData("03.007.331/0001-41")]
    [InlineData("12ABC34501DE35")]
    [InlineData("12.ABC.345/01DE-35")]
    [InlineData("12abc34501de35")]
    public void A_cnpj_numeric_or_alphanumeric_with_right_check_digits_is_valid(string cnpj) => Assert.True(Cnpj.IsValid(cnpj));

    [Theory]
    [InlineData("11222333000182")]
    [InlineData("11222333000191")]
    [InlineData("12ABC34501DE36")]
    [InlineData("12ABD34501DE35")]
    [InlineData("12ABC34501DE3A")]
    [InlineData("12ABC34501D35")]
    [InlineData("00000000000000")]
    [InlineData("12ABC34501DÉ35")]
    [InlineData(null)]
    public void A_cnpj_with_a_wrong_digit_letter_in_the_check_digits_or_wrong_length_is_invalid(string? cnpj) =>
        Assert.False(Cnpj.IsValid(cnpj));

    [Fact]
    public void Normalising_keeps_only_digits_for_a_cpf_and_upper_case_letters_and_digits_for_a_cnpj()
    {
        Assert.Equal("52998224725", Cpf.Normalize(" 529.982.247-25 "));
        Assert.Equal("12ABC34501DE35", Cnpj.Normalize("12.abc.345/01de-35"));
        Assert.Null(Cpf.Normalize(" .-"));
        Assert.Equal("12.ABC.345/01DE-35", Cnpj.Format("12ABC34501DE35"));
        Assert.Equal("529.982.247-25", Cpf.Format("52998224725"));
    }

    [Fact]
    public void A_tax_id_tells_a_person_from_a_company()
    {
        var person = TaxId.Parse("529.982.247-25")!.Value;
        var company = TaxId.Parse("12.abc.345/01de-35")!.Value;

        Assert.Equal((TaxIdKind.Cpf, "52998224725", false), (person.Kind, person.Value, person.IsCompany));
        Assert.Equal((TaxIdKind.Cnpj, "12ABC34501DE35", true), (company.Kind, company.Value, company.IsCompany));
        Assert.Equal("12.ABC.345/01DE-35", company.ToString());
        Assert.Null(TaxId.Parse("529.982.247-24"));
        Assert.Null(TaxId.Parse("1234"));
    }

    [Fact]
    public void A_tax_id_survives_a_json_round_trip()
    {
        var company = TaxId.Parse("11.222.333/0001-81");
        var json = JsonSerializer.Serialize(company);

        Assert.Equal(company, JsonSerializer.Deserialize<TaxId?>(json));
    }
}
