using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static TrayBridge.Catalog.Tests.EnsureProductsData;

namespace TrayBridge.Catalog.Tests;

/// <summary>Variations through <c>/api/catalog/products</c>: stored with ids of their own that survive edits, stock summed,
/// every change a new version, and one SKU space shared by products and variations.</summary>
[Collection(nameof(CatalogHarness))]
public sealed class ProductVariationsApiTests(CatalogHarness harness)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    internal static object Variation(string sku, string color, string size, decimal stock = 2, decimal price = 79.90m, Guid? id = null) =>
        new { id, sku, values = new[] { color, size }, price, stock, ean = (string?)null };

    internal static object Tshirt(string sku, params object[] variations) =>
        new { sku, name = "Camiseta", price = 79.90m, stock = 0, variationAxes = new[] { "Cor", "Tamanho" }, variations };

    private static async Task<JsonElement> Body(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

    [Fact]
    public async Task Variations_get_ids_the_stock_is_their_sum_and_an_edit_keeps_ids_by_id_or_SKU_and_drops_the_missing()
    {
        using var erp = harness.Client(NewTenant());
        var created = await erp.PostAsJsonAsync("api/catalog/products",
            Tshirt("CAM", Variation("CAM-AZ-M", "Azul", "M", 3), Variation("CAM-AZ-G", "Azul", "G", 4), Variation("CAM-PR-M", "Preto", "M", 5)), Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var product = await Body(created);
        var ids = product.GetProperty("variations").EnumerateArray().Select(v => v.GetProperty("id").GetGuid()).ToList();
        Assert.Equal((12m, 1L, 3), (product.GetProperty("stock").GetDecimal(), product.GetProperty("version").GetInt64(), ids.Distinct().Count()));

        // The first by its id under a new SKU, the second by its SKU without an id, the third left out.
        var updated = await Body(await erp.PutAsJsonAsync($"api/catalog/products/{product.GetProperty("id")}",
            Tshirt("CAM", Variation("CAM-AZUL-M", "Azul", "M", 1, id: ids[0]), Variation("CAM-AZ-G", "Azul", "G", 1), Variation("CAM-VD-P", "Verde", "P", 1)), Cancel));

        var after = updated.GetProperty("variations").EnumerateArray().ToList();
        Assert.Equal(ids[0], after[0].GetProperty("id").GetGuid());
        Assert.Equal(ids[1], after[1].GetProperty("id").GetGuid());
        Assert.DoesNotContain(after[2].GetProperty("id").GetGuid(), ids);
        Assert.Equal((3m, 2L), (updated.GetProperty("stock").GetDecimal(), updated.GetProperty("version").GetInt64()));
        var fetched = await erp.GetFromJsonAsync<JsonElement>($"api/catalog/products/{product.GetProperty("id")}", Cancel);
        Assert.Equal(["CAM-AZUL-M", "CAM-AZ-G", "CAM-VD-P"], fetched.GetProperty("variations").EnumerateArray().Select(v => v.GetProperty("sku").GetString()));
        Assert.Equal(["Cor", "Tamanho"], fetched.GetProperty("variationAxes").EnumerateArray().Select(a => a.GetString()));
        // Its old SKU is free again.
        Assert.Equal(HttpStatusCode.Created, (await erp.PostAsJsonAsync("api/catalog/products", new { sku = "CAM-AZ-M", name = "Outra", price = 10m }, Cancel)).StatusCode);
    }

    [Fact]
    public async Task Products_and_variations_share_one_SKU_space_and_a_clash_names_the_field_and_stores_nothing()
    {
        using var erp = harness.Client(NewTenant());
        Assert.Equal(HttpStatusCode.Created, (await erp.PostAsJsonAsync("api/catalog/products", new { sku = "MUG-1", name = "Caneca", price = 10m }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await erp.PostAsJsonAsync("api/catalog/products", Tshirt("CAM", Variation("CAM-AZ-M", "Azul", "M")), Cancel)).StatusCode);

        var variationTakesProduct = await erp.PostAsJsonAsync("api/catalog/products", Tshirt("CAM-X", Variation("CAM-X-1", "Azul", "P"), Variation("MUG-1", "Azul", "M")), Cancel);
        var productTakesVariation = await erp.PostAsJsonAsync("api/catalog/products", new { sku = "CAM-AZ-M", name = "Outra", price = 10m }, Cancel);
        var variationTakesVariation = await erp.PostAsJsonAsync("api/catalog/products", Tshirt("CAM-Y", Variation("CAM-AZ-M", "Azul", "M")), Cancel);

        Assert.Equal(HttpStatusCode.Conflict, variationTakesProduct.StatusCode);
        Assert.True((await Body(variationTakesProduct)).GetProperty("errors").TryGetProperty("variations[1].sku", out _));
        Assert.Equal(HttpStatusCode.Conflict, productTakesVariation.StatusCode);
        Assert.True((await Body(productTakesVariation)).GetProperty("errors").TryGetProperty("sku", out _));
        Assert.Equal(HttpStatusCode.Conflict, variationTakesVariation.StatusCode);
        var list = await erp.GetFromJsonAsync<JsonElement>("api/catalog/products", Cancel);
        Assert.Equal(2, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Two_products_racing_for_one_variation_SKU_leave_exactly_one_holder()
    {
        using var erp = harness.Client(NewTenant());
        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            erp.PostAsJsonAsync("api/catalog/products", Tshirt($"RACE-{i}", Variation("RACE-SHARED", "Azul", "M")), Cancel)));

        Assert.Equal(1, attempts.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(attempts.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }

    [Fact]
    public async Task Bad_variations_are_ProblemDetails_naming_the_fields_and_an_unknown_variation_id_is_refused()
    {
        using var erp = harness.Client(NewTenant());
        var bad = await erp.PostAsJsonAsync("api/catalog/products", new
        {
            sku = "BAD", name = "Camiseta", price = 10m, variationAxes = new[] { "Cor", "Tamanho", "Gola" },
            variations = new[] { new { sku = "BAD-1", values = new[] { "Azul" }, price = 0m, ean = "7891000315508" } },
        }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Body(bad)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ToList();
        Assert.Equal(["variationAxes", "variations[0].ean", "variations[0].price"], errors);

        var created = await Body(await erp.PostAsJsonAsync("api/catalog/products", Tshirt("OK", Variation("OK-1", "Azul", "M")), Cancel));
        var unknown = await erp.PutAsJsonAsync($"api/catalog/products/{created.GetProperty("id")}",
            Tshirt("OK", Variation("OK-1", "Azul", "M", id: Guid.NewGuid())), Cancel);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.True((await Body(unknown)).GetProperty("errors").TryGetProperty("variations[0].id", out _));
    }
}
