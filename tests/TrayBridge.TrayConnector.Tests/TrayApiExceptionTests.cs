using System.Net;
using System.Text;
using TrayBridge.TrayConnector.Tray;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>Reading Tray's error body (tray-api.md §8.2): <c>name</c>/<c>message</c>, <c>causes</c>, and the <c>errors</c> map of a
/// validation refusal, whose field reasons reach the user.</summary>
public sealed class TrayApiExceptionTests
{
    private static Task<TrayApiException> ReadAsync(HttpStatusCode status, string body)
    {
        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
            RequestMessage = new HttpRequestMessage(HttpMethod.Post, "https://loja.com.br/web_api/products?access_token=segredo"),
        };
        return TrayApiException.FromResponseAsync(response, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_errors_map_gives_each_fields_reason_even_when_causes_say_nothing_about_it()
    {
        var error = await ReadAsync(HttpStatusCode.UnprocessableEntity, """
            {"code":422,"name":"Unprocessable Entity","message":"Dados inválidos","url":"//products",
             "errors":{"ean":["EAN inválido","EAN já usado"],"weight":"Peso acima do limite","price":{"numeric":"Preço deve ser numérico"},
                       "Variant":{"stock":["Estoque inválido"]},"empty":[]}}
            """);

        Assert.Equal("Unprocessable Entity", error.Name);
        Assert.Equal(["ean", "weight", "price", "stock"], error.FieldErrors.Keys);
        Assert.Equal(["EAN inválido", "EAN já usado"], error.FieldErrors["ean"]);
        Assert.Equal(["EAN (ean): EAN inválido", "EAN (ean): EAN já usado", "Peso (weight): Peso acima do limite",
            "Preço (price): Preço deve ser numérico", "Estoque (stock): Estoque inválido"], error.Causes);
        Assert.Equal("/web_api/products", error.Path);
        Assert.DoesNotContain("segredo", error.Message);
    }

    [Fact]
    public async Task A_cause_repeating_a_fields_message_is_shown_once_with_its_field_and_other_causes_stay()
    {
        var error = await ReadAsync(HttpStatusCode.BadRequest, """
            {"code":400,"name":"Bad Request","causes":["O campo ean é inválido","Produto sem estoque"],"errors":{"ean":["O campo ean é inválido"]}}
            """);

        Assert.Equal(["EAN (ean): O campo ean é inválido", "Produto sem estoque"], error.Causes);
        Assert.Equal("EAN (ean): O campo ean é inválido", error.Summary);
    }

    [Theory]
    [InlineData("""{"code":400,"name":"Bad Request","causes":["Informe o code"]}""")]
    [InlineData("""{"code":400,"name":"Bad Request","causes":["Informe o code"],"errors":[]}""")]
    public async Task Without_an_errors_map_the_causes_are_as_Tray_wrote_them(string body)
    {
        var error = await ReadAsync(HttpStatusCode.BadRequest, body);

        Assert.Equal(["Informe o code"], error.Causes);
        Assert.Equal((0, "Bad Request"), (error.FieldErrors.Count, error.Summary));
    }
}
