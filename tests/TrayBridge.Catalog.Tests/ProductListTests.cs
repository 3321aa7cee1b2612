using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.Api.Catalog;
using static TrayBridge.Catalog.Tests.EnsureProductsData;

namespace TrayBridge.Catalog.Tests;

/// <summary>What the panel's Produtos and Exportar Produtos screens read: the list searched by name or SKU and paged with its
/// total, the stores for the selector, and an OpenAPI document naming every answer's record.</summary>
[Collection(nameof(CatalogHarness))]
public sealed class ProductListTests(CatalogHarness harness)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<ProductPage> PageAsync(HttpClient erp, string query) =>
        (await erp.GetFromJsonAsync<ProductPage>($"api/catalog/products?{query}", Cancel))!;

    [Fact]
    public async Task Search_finds_a_name_or_a_SKU_and_pages_keep_the_total()
    {
        using var erp = harness.Client(NewTenant());
        var mug = await erp.CreateAsync("BUS-AZ-1", "Caneca Azulão");
        var plate = await erp.CreateAsync("bus-pr-2", "Prato fundo");
        var shirt = await erp.PostAsJsonAsync("api/catalog/products", new
        {
            sku = "CAM-BUS", name = "Camiseta", price = 50m, variationAxes = new[] { "Cor" },
            variations = new[] { new { sku = "VAR-BUS-9", values = new[] { "Azul" }, price = 50m, stock = 1 } },
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, shirt.StatusCode);
        var shirtId = (await shirt.Content.ReadFromJsonAsync<ProductResponse>(Cancel))!.Id;
        await erp.CreateAsync("OUT-1", "Garrafa");

        Assert.Equal([plate], (await PageAsync(erp, "search=BUS-PR")).Items.Select(r => r.Id));
        Assert.Equal([mug], (await PageAsync(erp, "search=azulao")).Items.Select(r => r.Id));
        Assert.Equal([shirtId], (await PageAsync(erp, "search=var-bus")).Items.Select(r => r.Id));
        // Descrição searches the name only, as the seed's filter does.
        Assert.Empty((await PageAsync(erp, "description=bus")).Items);
        // % and _ are text, not patterns.
        Assert.Empty((await PageAsync(erp, "search=bus_%25")).Items);

        var first = await PageAsync(erp, "search=bus&pageSize=2");
        var second = await PageAsync(erp, "search=bus&pageSize=2&page=2");
        Assert.Equal((3L, 2, 2, 3L, 1), (first.Total, first.PageSize, first.Items.Count, second.Total, second.Items.Count));
        Assert.Equal(new[] { shirtId, mug, plate }.Order(), first.Items.Concat(second.Items).Select(r => r.Id).Order());
        Assert.Null(first.Situations);
        Assert.Equal(4, (await PageAsync(erp, "")).Total);
    }

    [Fact]
    public async Task The_stores_the_catalog_knows_are_listed_for_the_selector()
    {
        var tenant = NewTenant();
        using var erp = harness.Client(tenant);
        Assert.Empty((await erp.GetFromJsonAsync<List<CatalogStore>>("api/catalog/stores", Cancel))!);
        await harness.ConnectStoreAsync(erp, tenant, Store);

        var store = Assert.Single((await erp.GetFromJsonAsync<List<CatalogStore>>("api/catalog/stores", Cancel))!);
        Assert.Equal((Store, "https://loja.test/web_api"), (store.StoreId, store.ApiAddress));
        var page = await PageAsync(erp, $"storeId={Store}");
        Assert.Equal(ProductSituations.Labels.Values, page.Situations!.Keys);
    }

    [Fact]
    public async Task The_openapi_document_names_the_record_of_every_answer()
    {
        using var erp = harness.Client(NewTenant());
        var document = await erp.GetFromJsonAsync<JsonElement>("api/catalog/openapi/v1.json", Cancel);

        var schemas = document.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            nameof(ProductPage), nameof(ProductRow), nameof(ProductResponse), nameof(ProductInput), nameof(ExportProgress),
            nameof(ExportItemOutcome), nameof(ExportSummary), nameof(ExportAccepted), nameof(ExportRetryAccepted), nameof(ExportRequest),
            nameof(CatalogStore), nameof(CategoryResponse), nameof(CategoryInput), nameof(ExportError),
        }, schemas);
        string Answer(string path, string method, string status) => document.GetProperty("paths").GetProperty(path).GetProperty(method)
            .GetProperty("responses").GetProperty(status).GetProperty("content").EnumerateObject().First().Value.GetProperty("schema").ToString();
        Assert.Contains(nameof(ExportProgress), Answer("/api/catalog/exports/{id}", "get", "200"));
        Assert.Contains("ProblemDetails", Answer("/api/catalog/exports/{id}", "get", "404"));
        Assert.Contains(nameof(ProductPage), Answer("/api/catalog/products", "get", "200"));
        Assert.Contains(nameof(ExportAccepted), Answer("/api/catalog/exports", "post", "202"));
    }
}
