using TrayBridge.Web.Formatting;

namespace TrayBridge.Web.Tests;

public sealed class BrFormattingTests
{
    [Theory]
    [InlineData("1234.56", "R$ 1.234,56")]
    [InlineData("0", "R$ 0,00")]
    [InlineData("0.5", "R$ 0,50")]
    [InlineData("1234567.891", "R$ 1.234.567,89")]
    [InlineData("-1", "-R$ 1,00")]
    public void Money_is_written_the_Brazilian_way(string value, string expected) =>
        Assert.Equal(expected, Br.Money(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void An_instant_late_in_the_evening_in_Sao_Paulo_is_still_that_day_there_though_UTC_has_moved_on()
    {
        // 23:30 in São Paulo (UTC−3) on 31/01 is 02:30 UTC on 01/02.
        var instant = new DateTimeOffset(2026, 2, 1, 2, 30, 0, TimeSpan.Zero);

        Assert.Equal("31/01/2026", Br.Date(instant));
        Assert.Equal("31/01/2026 23:30", Br.DateTime(instant));
    }

    [Fact]
    public void Missing_values_show_a_dash() => Assert.Equal(("—", "—"), (Br.Money((decimal?)null), Br.Date((DateTimeOffset?)null)));

    [Fact]
    public void Counts_agree_in_number() =>
        Assert.Equal(("1 pedido", "2 pedidos", "1.500 pedidos"),
            (Br.Count(1, "pedido", "pedidos"), Br.Count(2, "pedido", "pedidos"), Br.Count(1500, "pedido", "pedidos")));
}
