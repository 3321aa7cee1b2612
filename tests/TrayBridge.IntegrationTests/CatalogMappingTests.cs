using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.Api.Catalog;
using TrayBridge.TestSupport;
using TrayCatalogMapping = TrayBridge.Api.Tray.CatalogMapping;

namespace TrayBridge.IntegrationTests;

/// <summary>ERP categories and brands on a Tray store, end to end: unmapped and not creatable → the product fails saying what
/// to map; mapped by hand → the retry places it there; with creation allowed, a new category path and brand are created
/// once (even for products exported together) and what Tray already has is adopted, not duplicated.</summary>
[Collection(nameof(SharedSystem))]
public sealed class CatalogMappingTests(SystemFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_unmapped_category_fails_with_what_to_map_and_after_a_manual_mapping_the_retry_places_the_product_there()
    {
        var (erp, tray) = await ConnectAsync("tenant-mapping-manual", "540101");
        using var _ = erp;
        var clothes = await CategoryAsync(erp, "Vestuário", null);
        var shirts = await CategoryAsync(erp, "Camisetas", clothes);
        var product = await ProductAsync(erp, "MAP-1", shirts, "Acme");
        var (categoriesBefore, brandsBefore) = ((await tray.ListAsync("categories", "Categories")).Count, (await tray.ListAsync("products/brands", "Brands")).Count);
        var first = await ExportAsync(erp, "api/catalog/exports", new { storeId = tray.StoreId, productIds = new[] { product } });
        var item = Assert.Single(first.Items);
        Assert.Contains("Categoria 'Vestuário' sem correspondente na loja", item.Reason);
        Assert.Equal("export.category_unmapped", item.ReasonCode); // the connector's code, passed through
        Assert.Empty(await tray.ListAsync("products?reference=MAP-1", "Products"));

        var trayShirts = await tray.CreateAsync("categories", "Category", new { name = "Camisetas e Regatas" });
        var unknown = await erp.PutAsJsonAsync($"api/tray/stores/{tray.StoreId}/catalog-mapping/categories/{shirts}", new { trayCategoryId = "987654" }, Cancel);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await erp.PutAsJsonAsync($"api/tray/stores/{tray.StoreId}/catalog-mapping/categories/{shirts}",
            new { trayCategoryId = trayShirts }, Cancel)).StatusCode);
        var retry = await ExportAsync(erp, $"api/catalog/exports/{first.ExportId}/retry", null);

        Assert.Equal(1, retry.Exported);
        var onTray = Assert.Single(await tray.ListAsync("products?reference=MAP-1", "Products")).GetProperty("Product");
        Assert.Equal((trayShirts, "Acme", "0"), (onTray.GetProperty("category_id").GetString(), onTray.GetProperty("brand").GetString(),
            onTray.GetProperty("brand_id").GetString()));
        // Creation was not allowed: the brand went as text, and no category or brand was created on Tray.
        Assert.Equal(brandsBefore, (await tray.ListAsync("products/brands", "Brands")).Count);
        Assert.Equal(categoriesBefore + 1, (await tray.ListAsync("categories", "Categories")).Count);
        using var stranger = fixture.System.Client(fixture.System.Gateway, "tenant-mapping-stranger");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"api/tray/stores/{tray.StoreId}/catalog-mapping", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"api/tray/stores/{tray.StoreId}/catalog-mapping/categories/{shirts}",
            new { trayCategoryId = trayShirts }, Cancel)).StatusCode);
    }

    [Fact]
    public async Task With_creation_allowed_a_new_path_and_brand_are_created_once_and_what_Tray_has_is_adopted()
    {
        var (erp, tray) = await ConnectAsync("tenant-mapping-create", "540102");
        using var _ = erp;
        await StrictRootFilterAsync();
        // The simulator's store already has a root "Casa" (its seed, listed with "parent_id": "" as Tray lists roots); the
        // ERP's "casa" is that one, though "categories?parent_id=0" finds no root on this Tray.
        Assert.Empty(await tray.ListAsync("categories?parent_id=0", "Categories"));
        var trayHome = Assert.Single(await tray.ListAsync("categories", "Categories"), c => c.GetProperty("Category").GetProperty("name").GetString() == "Casa"
            && c.GetProperty("Category").GetProperty("parent_id").GetString() == "").GetProperty("Category").GetProperty("id").GetString();
        var (categoriesBefore, brandsBefore) = ((await tray.ListAsync("categories", "Categories")).Count, (await tray.ListAsync("products/brands", "Brands")).Count);
        Assert.Equal(HttpStatusCode.OK, (await erp.PutAsJsonAsync($"api/tray/stores/{tray.StoreId}/catalog-mapping/options",
            new { createCategories = true, createBrands = true }, Cancel)).StatusCode);
        var home = await CategoryAsync(erp, "casa", null);
        var kitchen = await CategoryAsync(erp, "Cozinha", home);
        var products = new List<Guid>();
        for (var i = 1; i <= 6; i++) products.Add(await ProductAsync(erp, $"PAN-{i}", kitchen, "Tramontina"));

        var export = await ExportAsync(erp, "api/catalog/exports", new { storeId = tray.StoreId, productIds = products });

        Assert.Equal(6, export.Exported);
        var categories = await tray.ListAsync("categories", "Categories");
        Assert.Equal(categoriesBefore + 1, categories.Count);
        var trayKitchen = Assert.Single(categories, c => c.GetProperty("Category").GetProperty("name").GetString() == "Cozinha").GetProperty("Category");
        Assert.Equal(trayHome, trayKitchen.GetProperty("parent_id").GetString());
        var brands = await tray.ListAsync("products/brands", "Brands");
        Assert.Equal(brandsBefore + 1, brands.Count);
        var brand = Assert.Single(brands, b => b.GetProperty("Brand").GetProperty("brand").GetString() == "Tramontina").GetProperty("Brand");
        var pans = new List<JsonElement>();
        for (var i = 1; i <= 6; i++) pans.Add(Assert.Single(await tray.ListAsync($"products?reference=PAN-{i}", "Products")));
        Assert.All(pans, p => Assert.Equal(
            (trayKitchen.GetProperty("id").GetString(), brand.GetProperty("id").GetString()),
            (p.GetProperty("Product").GetProperty("category_id").GetString(), p.GetProperty("Product").GetProperty("brand_id").GetString())));
        var mapping = await erp.GetAsync<TrayCatalogMapping>($"api/tray/stores/{tray.StoreId}/catalog-mapping", Cancel);
        Assert.Equal([(kitchen, "Created"), (home, "Matched")], mapping.Categories.Select(m => (m.ErpCategoryId, m.Origin)).OrderBy(m => m.Item2));
        Assert.Equal("Created", Assert.Single(mapping.Brands).Origin);
        // Created with a slug, as ERP code creating them on Tray does.
        Assert.Equal("cozinha", (await tray.GetAsync($"categories/{trayKitchen.GetProperty("id").GetString()}", "Category")).GetProperty("slug").GetString());
        Assert.Equal("tramontina", (await tray.GetAsync($"products/brands/{brand.GetProperty("id").GetString()}", "Brand")).GetProperty("slug").GetString());
    }

    [Fact]
    public async Task A_category_name_used_elsewhere_on_Tray_and_a_brand_whose_slug_is_taken_are_created_with_a_suffixed_slug()
    {
        var (erp, tray) = await ConnectAsync("tenant-mapping-slug", "540103");
        using var _ = erp;
        await StrictRootFilterAsync();
        // Tray has a root "Acessórios" (the seed's, slug "acessorios") and a brand "Dr. Oetker" (slug "dr-oetker").
        var trayBrand = await tray.CreateAsync("products/brands", "Brand", new { brand = "Dr. Oetker", slug = "dr-oetker" });
        var trayShoes = Assert.Single(await tray.ListAsync("categories", "Categories"), c => c.GetProperty("Category").GetProperty("name").GetString() == "Calçados")
            .GetProperty("Category").GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await erp.PutAsJsonAsync($"api/tray/stores/{tray.StoreId}/catalog-mapping/options",
            new { createCategories = true, createBrands = true }, Cancel)).StatusCode);
        var clothes = await CategoryAsync(erp, "Roupas", null);
        var shoes = await CategoryAsync(erp, "Calçados", null);
        var products = new[]
        {
            await ProductAsync(erp, "ACC-1", await CategoryAsync(erp, "Acessórios", clothes), "Dr Oetker"),
            await ProductAsync(erp, "ACC-2", await CategoryAsync(erp, "Acessórios", shoes), "Dr Oetker"),
        };

        var export = await ExportAsync(erp, "api/catalog/exports", new { storeId = tray.StoreId, productIds = products });

        Assert.Equal(2, export.Exported);
        var categories = (await tray.ListAsync("categories", "Categories")).Select(c => c.GetProperty("Category")).ToList();
        var trayClothes = Assert.Single(categories, c => c.GetProperty("name").GetString() == "Roupas");
        Assert.Equal(("", "roupas"), (trayClothes.GetProperty("parent_id").GetString(),
            (await tray.GetAsync($"categories/{trayClothes.GetProperty("id").GetString()}", "Category")).GetProperty("slug").GetString()));
        var made = categories.Where(c => c.GetProperty("name").GetString() == "Acessórios" && c.GetProperty("parent_id").GetString() != "").ToList();
        Assert.Equal(new[] { trayClothes.GetProperty("id").GetString(), trayShoes }.Order(), made.Select(c => c.GetProperty("parent_id").GetString()).Order());
        var slugs = new List<string?>();
        foreach (var category in made) slugs.Add((await tray.GetAsync($"categories/{category.GetProperty("id").GetString()}", "Category")).GetProperty("slug").GetString());
        Assert.Equal(["acessorios-2", "acessorios-3"], slugs.Order());
        var brand = Assert.Single(await tray.ListAsync("products/brands", "Brands"), b => b.GetProperty("Brand").GetProperty("brand").GetString() == "Dr Oetker")
            .GetProperty("Brand");
        Assert.Equal("dr-oetker-2", brand.GetProperty("slug").GetString());
        Assert.NotEqual(trayBrand, brand.GetProperty("id").GetString());
        foreach (var sku in new[] { "ACC-1", "ACC-2" })
            Assert.Equal(brand.GetProperty("id").GetString(), Assert.Single(await tray.ListAsync($"products?reference={sku}", "Products"))
                .GetProperty("Product").GetProperty("brand_id").GetString());
    }

    /// <summary>The simulator as strict as Tray may be: <c>categories?parent_id=0</c> finds no root (Tray lists a root's parent
    /// empty). Only the catalog mapping reads categories this way; the shared system keeps it so.</summary>
    private async Task StrictRootFilterAsync()
    {
        using var simulator = fixture.System.Client(fixture.System.TraySimulator);
        Assert.Equal(HttpStatusCode.OK, (await simulator.PutAsJsonAsync("admin/settings", new { strictRootCategoryFilter = true }, Cancel)).StatusCode);
    }

    private async Task<(HttpClient Erp, TrayStoreApi Tray)> ConnectAsync(string tenant, string storeId)
    {
        var erp = fixture.System.Client(fixture.System.Gateway, tenant);
        await Api.ConnectStoreAsync(fixture.System, erp, storeId);
        return (erp, new TrayStoreApi(fixture.System, storeId));
    }

    private static async Task<Guid> CategoryAsync(HttpClient erp, string name, Guid? parentId)
    {
        var response = await erp.PostAsJsonAsync("api/catalog/categories", new { name, parentId }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadAsync<CategoryResponse>(Cancel)).Id;
    }

    private static async Task<Guid> ProductAsync(HttpClient erp, string sku, Guid categoryId, string brand)
    {
        var response = await erp.PostAsJsonAsync("api/catalog/products", new { sku, name = $"Produto {sku}", price = 50m, stock = 3, categoryId, brand }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadAsync<ProductResponse>(Cancel)).Id;
    }

    private static async Task<ExportProgress> ExportAsync(HttpClient erp, string path, object? body)
    {
        var response = await erp.PostAsJsonAsync(path, body, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        // A retry answers ExportRetryAccepted (with RetryOf), a first export ExportAccepted: both name the export to follow.
        var exportId = body is null ? (await response.ReadAsync<ExportRetryAccepted>(Cancel)).ExportId : (await response.ReadAsync<ExportAccepted>(Cancel)).ExportId;
        return await Eventually.ReturnsAsync(() => erp.GetAsync<ExportProgress>($"api/catalog/exports/{exportId}", Cancel),
            e => e.Pending == 0, Wait, $"export {exportId} to finish");
    }

    /// <summary>The store's own Tray API on the simulator, with the token the connector holds: what the merchant sees.</summary>
    private sealed class TrayStoreApi(TrayBridgeSystem system, string storeId)
    {
        public string StoreId => storeId;

        public async Task<string> CreateAsync(string path, string wrapper, object body)
        {
            using var http = system.Client(system.TraySimulator);
            var response = await http.PostAsJsonAsync($"{storeId}/web_api/{path}?access_token={await TokenAsync(http)}",
                new Dictionary<string, object> { [wrapper] = body }, Cancel);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").ToString();
        }

        public async Task<JsonElement> GetAsync(string path, string wrapper)
        {
            using var http = system.Client(system.TraySimulator);
            var separator = path.Contains('?') ? '&' : '?';
            return (await http.GetFromJsonAsync<JsonElement>($"{storeId}/web_api/{path}{separator}access_token={await TokenAsync(http)}", Cancel))
                .GetProperty(wrapper);
        }

        public async Task<List<JsonElement>> ListAsync(string path, string collection)
        {
            using var http = system.Client(system.TraySimulator);
            var separator = path.Contains('?') ? '&' : '?';
            var list = await http.GetFromJsonAsync<JsonElement>($"{storeId}/web_api/{path}{separator}limit=50&access_token={await TokenAsync(http)}", Cancel);
            return [.. list.GetProperty(collection).EnumerateArray()];
        }

        private async Task<string> TokenAsync(HttpClient http) =>
            (await http.GetFromJsonAsync<JsonElement>($"admin/stores/{storeId}/secrets", Cancel)).GetProperty("accessTokens").EnumerateArray().Last().GetString()!;
    }
}
