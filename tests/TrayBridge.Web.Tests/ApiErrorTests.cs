using System.Net;
using System.Text;
using Bunit;
using TrayBridge.Web.Api;
using TrayBridge.Web.Components.Shared;

namespace TrayBridge.Web.Tests;

public sealed class ApiErrorTests : BunitContext
{
    [Fact]
    public async Task A_ProblemDetails_gives_its_code_its_Portuguese_detail_and_each_field_message()
    {
        var error = await Read(HttpStatusCode.BadRequest, "application/problem+json",
            """{"title":"One or more validation errors occurred.","status":400,"detail":"Verifique os campos destacados.","code":"validation","errors":{"ncm":["O NCM tem 8 dígitos."]}}""");

        Assert.Equal((400, "validation", "Verifique os campos destacados."), (error.Status, error.Code, error.Detail));
        Assert.Equal("O NCM tem 8 dígitos.", error.ErrorFor("NCM"));
        Assert.Null(error.ErrorFor("cest"));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, "Muitas chamadas")]
    [InlineData(HttpStatusCode.BadGateway, "não respondeu")]
    [InlineData(HttpStatusCode.Unauthorized, "sessão expirou")]
    public async Task An_answer_without_a_ProblemDetails_still_reads_in_Portuguese_never_as_a_bare_status(HttpStatusCode status, string words)
    {
        var error = await Read(status, "text/plain", "upstream error");

        Assert.Contains(words, error.Detail);
        Assert.Equal($"http.{(int)status}", error.Code);
        Assert.DoesNotContain(((int)status).ToString(), error.Detail);
    }

    [Fact]
    public void The_error_box_shows_the_detail_and_carries_the_code()
    {
        var error = new ApiError(422, "store.tray_refused_code", "A Tray recusou o code: code inválido ou expirado.", ApiError.NoErrors);

        var cut = Render<ErrorBox>(p => p.Add(c => c.Error, error));

        var alert = cut.Find("[role=alert]");
        Assert.Equal("store.tray_refused_code", alert.GetAttribute("data-code"));
        Assert.Contains("A Tray recusou o code", alert.TextContent);
    }

    private static Task<ApiError> Read(HttpStatusCode status, string mediaType, string body) =>
        ApiError.ReadAsync(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) }, CancellationToken.None);
}
