using TrayBridge.Orders.Domain;

namespace TrayBridge.Orders.Tests;

public sealed class IbgeCitiesTests
{
    private static readonly IbgeCities Cities = IbgeCities.Load();

    [Theory]
    [InlineData("SP", "São Paulo", "3550308")]
    [InlineData("SP", "Sao Paulo", "3550308")]
    [InlineData("sp", "SÃO PAULO", "3550308")]
    [InlineData(" SP ", "  são   paulo ", "3550308")]
    [InlineData("SP", "Santa Bárbara d'Oeste", "3545803")]
    [InlineData("SP", "Santa Barbara d'Oeste", "3545803")]
    [InlineData("SP", "Santa Barbara D’Oeste", "3545803")]
    [InlineData("SP", "Santa Barbara D Oeste", "3545803")]
    [InlineData("SP", "Embu-Guaçu", "3515103")]
    [InlineData("SP", "Embu Guacu", "3515103")]
    [InlineData("SP", "Mogi-Mirim", "3530805")]
    [InlineData("SP", "Campinas - SP", "3509502")]
    [InlineData("BA", "Dias d'Ávila", "2910057")]
    [InlineData("DF", "Brasília", "5300108")]
    [InlineData("RN", "Campo Grande", "2401305")]
    [InlineData("RN", "Augusto Severo", "2401305")]
    [InlineData("MS", "Campo Grande", "5002704")]
    public void A_city_is_found_however_its_name_is_typed(string uf, string city, string code) =>
        Assert.Equal(code, Cities.Find(uf, city)?.Code);

    [Theory]
    [InlineData("RJ", "São Paulo")]
    [InlineData("SP", "Sao Paulinho")]
    [InlineData("SP", "Embu")]
    [InlineData("XX", "São Paulo")]
    [InlineData("SP", "")]
    [InlineData(null, null)]
    public void A_city_in_another_uf_or_not_existing_is_not_found(string? uf, string? city) => Assert.Null(Cities.Find(uf, city));

    [Fact]
    public void The_shipped_table_has_every_municipality_and_every_uf()
    {
        Assert.InRange(Cities.Count, 5_570, 5_580);
        Assert.Equal("35", Cities.StateCode("SP"));
        Assert.Equal("53", Cities.StateCode("df"));
        Assert.Equal("11", Cities.StateCode("RO"));
        Assert.Null(Cities.StateCode("XX"));
        string[] ufs = ["AC", "AL", "AM", "AP", "BA", "CE", "DF", "ES", "GO", "MA", "MG", "MS", "MT", "PA", "PB", "PE", "PI",
            "PR", "RJ", "RN", "RO", "RR", "RS", "SC", "SE", "SP", "TO"];
        Assert.All(ufs, uf => Assert.Matches("^[1-5][0-9]$", Cities.StateCode(uf)));
    }

    [Fact]
    public void A_city_carries_its_uf_code_and_time_zone()
    {
        var saoPaulo = Cities.Find("SP", "São Paulo")!;
        var rioBranco = Cities.Find("AC", "Rio Branco")!;

        Assert.Equal(("35", "America/Sao_Paulo", "São Paulo"), (saoPaulo.StateCode, saoPaulo.TimeZone, saoPaulo.Name));
        Assert.Equal(("12", "America/Rio_Branco"), (rioBranco.StateCode, rioBranco.TimeZone));
        Assert.Equal("America/Noronha", Cities.Find("PE", "Fernando de Noronha")!.TimeZone);
        Assert.Same(saoPaulo, Cities.ByCode("3550308"));
    }

    [Fact]
    public void A_table_can_be_read_from_text_with_comments()
    {
        var cities = IbgeCities.Read(new StringReader("# licence\ncodigo_ibge,uf,nome,fuso_horario\n3550308,SP,São Paulo,America/Sao_Paulo\n"));

        Assert.Equal(1, cities.Count);
        Assert.Equal("3550308", cities.Find("SP", "SAO PAULO")?.Code);
    }
}
