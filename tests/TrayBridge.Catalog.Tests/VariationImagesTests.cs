using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static TrayBridge.Catalog.Tests.EnsureProductsData;
using static TrayBridge.Catalog.Tests.ProductVariationsApiTests;

namespace TrayBridge.Catalog.Tests;

/// <summary>Each variation has up to six pictures of its own (a Tray variant takes <c>picture_source_1..6</c>, tray-api.md §3.5),
/// served like the product's; a variation removed takes its pictures with it.</summary>
[Collection(nameof(CatalogHarness))]
public sealed class VariationImagesTests(CatalogHarness harness)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_variation_picture_shows_under_its_variation_bumps_the_version_and_goes_when_the_variation_goes()
    {
        using var erp = harness.Client(NewTenant());
        var product = await (await erp.PostAsJsonAsync("api/catalog/products",
            Tshirt("PIC", Variation("PIC-AZ", "Azul", "M"), Variation("PIC-PR", "Preto", "M")), Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var id = product.GetProperty("id").GetGuid();
        var blue = product.GetProperty("variations")[0].GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NoContent, (await erp.PutAsync($"api/catalog/products/{id}/variations/{blue}/images/2", new ByteArrayContent(TinyPng), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await erp.PutAsync($"api/catalog/products/{id}/variations/{blue}/images/7", new ByteArrayContent(TinyPng), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await erp.PutAsync($"api/catalog/products/{id}/variations/{Guid.NewGuid()}/images/1", new ByteArrayContent(TinyPng), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await erp.PutAsync($"api/catalog/products/{id}/variations/{blue}/images/1", new ByteArrayContent("GIF89a"u8.ToArray()), Cancel)).StatusCode);

        var fetched = await erp.GetFromJsonAsync<JsonElement>($"api/catalog/products/{id}", Cancel);
        Assert.Equal(2, fetched.GetProperty("version").GetInt64());
        Assert.Empty(fetched.GetProperty("images").EnumerateArray());
        var picture = Assert.Single(fetched.GetProperty("variations")[0].GetProperty("images").EnumerateArray());
        Assert.Equal(2, picture.GetProperty("position").GetInt32());
        Assert.Empty(fetched.GetProperty("variations")[1].GetProperty("images").EnumerateArray());
        using (var anonymous = new HttpClient { BaseAddress = erp.BaseAddress })
            Assert.Equal(TinyPng, await anonymous.GetByteArrayAsync(picture.GetProperty("url").GetString()!.TrimStart('/'), Cancel));

        // Blue is left out: its picture is deleted with it; re-adding the SKU makes a new variation without pictures.
        await erp.PutAsJsonAsync($"api/catalog/products/{id}", Tshirt("PIC", Variation("PIC-PR", "Preto", "M")), Cancel);
        var readded = await (await erp.PutAsJsonAsync($"api/catalog/products/{id}",
            Tshirt("PIC", Variation("PIC-PR", "Preto", "M"), Variation("PIC-AZ", "Azul", "M")), Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.NotEqual(blue, readded.GetProperty("variations")[1].GetProperty("id").GetGuid());
        fetched = await erp.GetFromJsonAsync<JsonElement>($"api/catalog/products/{id}", Cancel);
        Assert.All(fetched.GetProperty("variations").EnumerateArray(), v => Assert.Empty(v.GetProperty("images").EnumerateArray()));
    }
}
