using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TrayBridge.IntegrationTests;

/// <summary>Issue 11, "no bounds": a page past any list (<c>page=2147483647</c> overflowed an offset into a 500) is a 400 ProblemDetails naming <c>page</c>, on every list of every service, through the gateway.</summary>
[Collection(nameof(SharedSystem))]
public sealed class PageBoundsTests(SystemFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("api/catalog/products?page=2147483647")]
    [InlineData("api/orders/sales-orders?page=2147483647")]
    [InlineData("api/orders/customers?page=2147483647")]
    [InlineData("api/invoicing/nfes?page=2147483647")]
    [InlineData("api/tray/orders?storeId=391299&page=2147483647")]
    [InlineData("api/catalog/products?page=99999999999")]
    public async Task A_page_out_of_bounds_is_a_400_naming_the_page_never_a_500(string path)
    {
        using var tenant = fixture.System.Client(fixture.System.Gateway, "tenant-page-bounds");

        var response = await tenant.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Contains("100.000", problem.GetProperty("errors").GetProperty("page")[0].GetString());
    }

    [Fact]
    public async Task The_last_allowed_page_is_an_empty_page()
    {
        using var tenant = fixture.System.Client(fixture.System.Gateway, "tenant-page-bounds");

        var response = await tenant.GetAsync("api/orders/sales-orders?page=100000&pageSize=200", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
