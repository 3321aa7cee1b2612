using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.Catalog.Tests;

public sealed class GtinTests
{
    [Theory]
    [InlineData("96385074")]
    [InlineData("036000291452")]
    [InlineData("7891000315507")]
    [InlineData("10012345678902")]
    public void Gtin_8_12_13_and_14_with_a_right_check_digit_are_valid(string code) => Assert.True(Gtin.IsValid(code));

    [Theory]
    [InlineData("7891000315508")]
    [InlineData("789100031550")]
    [InlineData("78910003155070")]
    [InlineData("789100031550A")]
    [InlineData("123456789")]
    [InlineData("")]
    [InlineData(null)]
    public void A_wrong_check_digit_length_or_character_is_invalid(string? code) => Assert.False(Gtin.IsValid(code));
}
