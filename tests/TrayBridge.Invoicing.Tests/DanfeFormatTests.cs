using TrayBridge.Invoicing.Features.Danfe;

namespace TrayBridge.Invoicing.Tests;

/// <summary>The DANFE prints pt-BR numbers whatever the host's culture, and the usual masks.</summary>
public sealed class DanfeFormatTests
{
    [Fact]
    public void Numbers_are_pt_BR_with_fixed_decimals()
    {
        Assert.Equal(("1.234,56", "0,00", "1.234.567,80"), (DanfeFormat.Money(1234.56m), DanfeFormat.Money(0m), DanfeFormat.Money(1234567.8m)));
        Assert.Equal(("2,0000", "49,90", "0,1234567891"), (DanfeFormat.Quantity(2m), DanfeFormat.UnitPrice(49.9m), DanfeFormat.UnitPrice(0.1234567891m)));
        Assert.Equal("18,00", DanfeFormat.Rate(18m));
    }

    [Fact]
    public void Number_serie_documents_zip_and_key_take_their_masks()
    {
        Assert.Equal(("000.001.234", "001"), (DanfeFormat.Number(1234), DanfeFormat.Series(1)));
        Assert.Equal(("11.222.333/0001-81", "123.456.789-09", "01001-000"),
            (DanfeFormat.Document("11222333000181"), DanfeFormat.Document("12345678909"), DanfeFormat.Zip("01001000")));
        Assert.Equal("3524 0111 2223 3300 0181 5500 1000 0012 3414 8213 6976",
            DanfeFormat.Key("35240111222333000181550010000012341482136976"));
    }
}
