using Microsoft.Extensions.Options;
using TrayBridge.TrayConnector.Tray;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>Site (URL) as merchants type it, normalised to the address Tray serves its API at, and the address policy kept.</summary>
public sealed class ApiAddressPolicyTests
{
    private static readonly ApiAddressPolicy Policy = new(Options.Create(new TraySettings { SimulatorHost = "127.0.0.1" }));

    [Theory]
    [InlineData("https://www.minhaloja.com.br/web_api")]
    [InlineData("https://www.minhaloja.com.br/web_api/")]
    [InlineData("  https://www.minhaloja.com.br/web_api  ")]
    [InlineData("https://www.minhaloja.com.br")]
    [InlineData("https://www.minhaloja.com.br/")]
    [InlineData("http://www.minhaloja.com.br/web_api")]
    [InlineData("http://www.minhaloja.com.br")]
    [InlineData("www.minhaloja.com.br")]
    [InlineData("www.minhaloja.com.br/")]
    [InlineData("WWW.MinhaLoja.com.br/WEB_API")]
    [InlineData("https://www.minhaloja.com.br/camisetas/camiseta-azul")]
    public void Every_form_a_merchant_types_becomes_the_https_web_api_address(string typed)
    {
        var (address, problem) = Policy.Normalize(typed);

        Assert.Null(problem);
        Assert.Equal("https://www.minhaloja.com.br/web_api", address);
    }

    [Fact]
    public void A_note_says_what_was_adjusted_and_nothing_when_it_was_typed_as_served()
    {
        Assert.Equal("Endereço da API ajustado para https://www.minhaloja.com.br/web_api.",
            ApiAddressPolicy.AdjustmentNote("www.minhaloja.com.br", "https://www.minhaloja.com.br/web_api"));
        Assert.Null(ApiAddressPolicy.AdjustmentNote(" https://www.minhaloja.com.br/web_api ", "https://www.minhaloja.com.br/web_api"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5201/540077/web_api", "http://127.0.0.1:5201/540077/web_api")]
    [InlineData("http://127.0.0.1:5201/540077", "http://127.0.0.1:5201/540077/web_api")]
    [InlineData("127.0.0.1:5201/540077/", "http://127.0.0.1:5201/540077/web_api")]
    [InlineData("http://127.0.0.1:5201/540077/web_api/", "http://127.0.0.1:5201/540077/web_api")]
    public void Only_the_configured_simulator_keeps_http_and_its_store_path(string typed, string expected) =>
        Assert.Equal((expected, (string?)null), Policy.Normalize(typed));

    [Theory]
    [InlineData("http://10.0.0.5/web_api")]
    [InlineData("192.168.0.10")]
    [InlineData("https://169.254.169.254/web_api")]
    [InlineData("https://[::1]/web_api")]
    [InlineData("http://127.0.0.2:5201/540077")]
    [InlineData("https://usuario:senha@www.minhaloja.com.br/web_api")]
    [InlineData("https://www.minhaloja.com.br/web_api?x=1")]
    [InlineData("ftp://www.minhaloja.com.br/web_api")]
    [InlineData("")]
    [InlineData("   ")]
    public void Internal_addresses_credentials_parameters_and_other_schemes_are_still_refused(string typed)
    {
        var (address, problem) = Policy.Normalize(typed);

        Assert.Null(address);
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }
}
