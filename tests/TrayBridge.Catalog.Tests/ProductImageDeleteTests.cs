using System.Net;
using System.Net.Http.Json;
using TrayBridge.Api;
using TrayBridge.Api.Catalog;
using static TrayBridge.Catalog.Tests.EnsureProductsData;

namespace TrayBridge.Catalog.Tests;

/// <summary>The panel removes a picture it no longer wants: the slot empties and the product's version moves (a change to
/// export), and its public link answers 410 (attack: a removed picture kept being served to whoever held its link); a slot
/// with no picture is a 404 with its code.</summary>
[Collection(nameof(CatalogHarness))]
public sealed class ProductImageDeleteTests(CatalogHarness harness)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_picture_is_removed_from_its_slot_and_the_product_changes()
    {
        using var erp = harness.Client(NewTenant());
        var id = await erp.CreateAsync("FOTO-1", "Caneca com fotos");
        foreach (var position in new[] { 1, 2 })
            Assert.Equal(HttpStatusCode.NoContent, (await erp.PutAsync($"api/catalog/products/{id}/images/{position}", new ByteArrayContent(TinyPng), Cancel)).StatusCode);
        var before = (await erp.GetFromJsonAsync<ProductResponse>($"api/catalog/products/{id}", Cancel))!;
        Assert.Equal([1, 2], before.Images.Select(i => i.Position));

        Assert.Equal(HttpStatusCode.NoContent, (await erp.DeleteAsync($"api/catalog/products/{id}/images/2", Cancel)).StatusCode);

        var after = (await erp.GetFromJsonAsync<ProductResponse>($"api/catalog/products/{id}", Cancel))!;
        Assert.Equal([1], after.Images.Select(i => i.Position));
        Assert.Equal(before.Version + 1, after.Version);
        // The removed picture's public link (Tray may still hold it) is gone for good; the other still serves.
        using var removed = await erp.GetAsync(before.Images.Single(i => i.Position == 2).Url, Cancel);
        Assert.Equal(HttpStatusCode.Gone, removed.StatusCode);
        Assert.Equal(CatalogProblemCodes.ImageGone,
            (await removed.Content.ReadFromJsonAsync<Dictionary<string, object>>(Cancel))![ApiProblem.CodeMember].ToString());
        Assert.Equal(HttpStatusCode.OK, (await erp.GetAsync(after.Images.Single().Url, Cancel)).StatusCode);
        var again = await erp.DeleteAsync($"api/catalog/products/{id}/images/2", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<Dictionary<string, object>>(Cancel);
        Assert.Equal(CatalogProblemCodes.ImageNotFound, problem![ApiProblem.CodeMember].ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await erp.DeleteAsync($"api/catalog/products/{Guid.NewGuid()}/images/1", Cancel)).StatusCode);
    }
}
