using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.TestSupport;

namespace TrayBridge.IntegrationTests;

[Collection(nameof(SharedSystem))]
public sealed class GatewayTests(SystemFixture fixture)
{
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Every_host_is_ready()
    {
        var system = fixture.System;
        foreach (var host in new[] { system.Catalog, system.Orders, system.Invoicing, system.TrayConnector, system.Gateway })
        {
            using var client = system.Client(host);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("health/ready", TestContext.Current.CancellationToken)).StatusCode);
        }
    }

    [Theory]
    [InlineData("api/catalog/products")]
    [InlineData("api/orders/openapi/v1.json")]
    [InlineData("api/invoicing/openapi/v1.json")]
    [InlineData("api/tray/openapi/v1.json")]
    public async Task The_gateway_answers_401_without_a_token_and_routes_with_one(string path)
    {
        using var anonymous = fixture.System.Client(fixture.System.Gateway);
        using var authenticated = fixture.System.Client(fixture.System.Gateway, "tenant-routes");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await authenticated.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_service_called_directly_validates_the_token_itself()
    {
        using var anonymous = fixture.System.Client(fixture.System.Catalog);
        using var forged = fixture.System.Client(fixture.System.Catalog);
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.System.Tokens.For("tenant-x")[..^4] + "AAAA");
        forged.DefaultRequestHeaders.Add("X-Tenant-Id", "tenant-x");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/catalog/products", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("api/catalog/products", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_product_image_is_served_without_a_token_by_its_opaque_url_only_and_the_url_stays_out_of_traces_and_logs()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var owner = fixture.System.Client(fixture.System.Gateway, "tenant-images");
        var productId = await Api.CreateProductAsync(owner, "IMG-1");
        var upload = await owner.PutAsync($"api/catalog/products/{productId}/images/1",
            new ByteArrayContent(TinyPng) { Headers = { ContentType = new("image/png") } }, cancel);
        Assert.Equal(HttpStatusCode.NoContent, upload.StatusCode);
        var product = await owner.GetFromJsonAsync<JsonElement>($"api/catalog/products/{productId}", cancel);
        var url = product.GetProperty("images")[0].GetProperty("url").GetString()!;

        using var tray = fixture.System.Client(fixture.System.Gateway);
        var served = await tray.GetAsync(url.TrimStart('/'), cancel);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TinyPng, await served.Content.ReadAsByteArrayAsync(cancel));

        // A token changed anywhere finds nothing; a real token with another file name is a replaced picture: gone.
        var tokenStart = "/public/catalog/images/".Length;
        var tokenEnd = url.LastIndexOf('/');
        foreach (var position in new[] { tokenStart, tokenStart + 10, tokenEnd - 1 })
        {
            var tampered = url[..position] + (url[position] == 'A' ? 'B' : 'A') + url[(position + 1)..];
            Assert.Equal(HttpStatusCode.NotFound, (await tray.GetAsync(tampered.TrimStart('/'), cancel)).StatusCode);
        }
        var otherName = url[..(url.IndexOf('.', tokenEnd) - 1)] + (url[url.IndexOf('.', tokenEnd) - 1] == 'a' ? 'b' : 'a') + url[url.IndexOf('.', tokenEnd)..];
        Assert.Equal(HttpStatusCode.Gone, (await tray.GetAsync(otherName.TrimStart('/'), cancel)).StatusCode);

        // Attack: reading the link out of traces and logs. Gateway and Catalog traced and logged the request, the token masked.
        var token = url[tokenStart..tokenEnd];
        await Eventually.ReturnsAsync(() => Task.FromResult(TelemetryFiles.Read(fixture.System, "gateway", ".jsonl")), spans => spans.Contains("/public/catalog/images/***/"),
            TimeSpan.FromSeconds(30), "the gateway's span of the picture request, its token masked");
        await Eventually.ReturnsAsync(() => Task.FromResult(TelemetryFiles.Read(fixture.System, "gateway", ".log")), log => log.Contains("/public/catalog/images/***/"),
            TimeSpan.FromSeconds(30), "YARP's log line of the picture request, its token masked");
        Assert.DoesNotContain(token, TelemetryFiles.Read(fixture.System, "gateway", ".jsonl") + TelemetryFiles.Read(fixture.System, "catalog", ".jsonl"));
        Assert.DoesNotContain(token, TelemetryFiles.Read(fixture.System, "gateway", ".log") + TelemetryFiles.Read(fixture.System, "catalog", ".log"));
    }

    [Fact]
    public async Task An_image_upload_that_is_not_jpg_or_png_is_refused_with_problem_details()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var owner = fixture.System.Client(fixture.System.Gateway, "tenant-images");
        var productId = await Api.CreateProductAsync(owner, "IMG-GIF");

        var upload = await owner.PutAsync($"api/catalog/products/{productId}/images/1", new ByteArrayContent("GIF89a..."u8.ToArray()), cancel);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, upload.StatusCode);
        Assert.Equal("application/problem+json", upload.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Invalid_product_input_gets_problem_details_naming_the_fields()
    {
        using var client = fixture.System.Client(fixture.System.Gateway, "tenant-validation");

        var response = await client.PostAsJsonAsync("api/catalog/products", new { sku = "", name = "x", price = 0, stock = -1 },
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["price", "sku", "stock"], fields.Order());
    }
}
