using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.TestSupport;

namespace TrayBridge.IntegrationTests;

/// <summary>The Catalog side of product export, through the gateway. The test plays the connector on the bus (stores
/// connected, export outcomes), so the real connector is stopped: its own reactions would race the test's.</summary>
public sealed class ProductCatalogTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static object Full(string sku, string name = "Camiseta Básica Algodão") => new
    {
        sku, name, ean = "7891000315507", ncm = "61091000", cest = "2806300", origin = 2, unit = "PC",
        description = "<p>Camiseta <b>100% algodão</b></p>", shortDescription = "Camiseta de algodão", price = 99.90m,
        promotionalPrice = 79.90m, promotionStart = "2026-01-01", promotionEnd = "2026-01-31", costPrice = 40.50m, brand = "Hering",
        weightGrams = 300, lengthCm = 30.5m, widthCm = 20m, heightCm = 2m, stock = 12m, available = true,
    };

    private async Task<CatalogBus> StandInForTheConnectorAsync()
    {
        await fixture.System.TrayConnector.KillAsync();
        return await CatalogBus.StartAsync(fixture.System);
    }

    private HttpClient Tenant(string tenantId) => fixture.System.Client(fixture.System.Gateway, tenantId);

    private static async Task<Guid> CreateAsync(HttpClient client, object product)
    {
        var response = await client.PostAsJsonAsync("api/catalog/products", product, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }

    private static Task<JsonElement> ListAsync(HttpClient client, string query = "") =>
        client.GetFromJsonAsync<JsonElement>($"api/catalog/products?{query}", Cancel);

    private static async Task KnownStoreAsync(CatalogBus bus, HttpClient client, string tenantId, string storeId)
    {
        await bus.ConnectStoreAsync(tenantId, storeId);
        await Eventually.ReturnsAsync(() => client.GetFromJsonAsync<JsonElement>("api/catalog/stores", Cancel),
            stores => stores.EnumerateArray().Any(s => s.GetProperty("storeId").GetString() == storeId), TimeSpan.FromSeconds(30),
            $"the Catalog knows store {storeId}");
    }

    private static async Task<Guid> ExportAsync(HttpClient client, string storeId, params Guid[] productIds)
    {
        var response = await client.PostAsJsonAsync("api/catalog/exports", new { storeId, productIds }, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var exportId = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("exportId").GetGuid();
        Assert.Equal($"/api/catalog/exports/{exportId}", response.Headers.Location?.ToString());
        return exportId;
    }

    private static Task<JsonElement> WaitForExportAsync(HttpClient client, Guid exportId, Func<JsonElement, bool> done, string what) =>
        Eventually.ReturnsAsync(() => client.GetFromJsonAsync<JsonElement>($"api/catalog/exports/{exportId}", Cancel), done,
            TimeSpan.FromSeconds(30), what);

    private static Dictionary<Guid, JsonElement> Rows(JsonElement list) =>
        list.GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetGuid());

    [Fact]
    public async Task A_product_keeps_every_field_and_each_change_bumps_its_version()
    {
        using var tenant = Tenant("tenant-catalog-fields");

        var id = await CreateAsync(tenant, Full("FULL-1"));
        var stored = await tenant.GetFromJsonAsync<JsonElement>($"api/catalog/products/{id}", Cancel);

        Assert.Equal("7891000315507", stored.GetProperty("ean").GetString());
        Assert.Equal("61091000", stored.GetProperty("ncm").GetString());
        Assert.Equal("2806300", stored.GetProperty("cest").GetString());
        Assert.Equal(2, stored.GetProperty("origin").GetInt32());
        Assert.Equal("PC", stored.GetProperty("unit").GetString());
        Assert.Equal("<p>Camiseta <b>100% algodão</b></p>", stored.GetProperty("description").GetString());
        Assert.Equal(79.90m, stored.GetProperty("promotionalPrice").GetDecimal());
        Assert.Equal("2026-01-31", stored.GetProperty("promotionEnd").GetString());
        Assert.Equal(40.50m, stored.GetProperty("costPrice").GetDecimal());
        Assert.Equal("Hering", stored.GetProperty("brand").GetString());
        Assert.Equal(300, stored.GetProperty("weightGrams").GetInt32());
        Assert.Equal(30.5m, stored.GetProperty("lengthCm").GetDecimal());
        Assert.Equal(1, stored.GetProperty("version").GetInt64());
        var updated = await tenant.PutAsJsonAsync($"api/catalog/products/{id}", Full("FULL-1", "Camiseta Nova"), Cancel);
        Assert.Equal(2, (await updated.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("version").GetInt64());
    }

    public static TheoryData<string, string> BadInput => new()
    {
        { "name", """{"sku":"BAD-1","price":10,"stock":1}""" },
        { "name", $$"""{"sku":"BAD-1","name":"{{new string('x', 201)}}","price":10,"stock":1}""" },
        { "description", $$"""{"sku":"BAD-1","name":"Camiseta","description":"{{new string('x', 4_801)}}","price":10,"stock":1}""" },
        { "price", """{"sku":"BAD-1","name":"Camiseta","price":0,"stock":1}""" },
        { "price", """{"sku":"BAD-1","name":"Camiseta","price":-5,"stock":1}""" },
        { "ncm", """{"sku":"BAD-1","name":"Camiseta","ncm":"610910001","price":10,"stock":1}""" },
        { "ean", """{"sku":"BAD-1","name":"Camiseta","ean":"7891000315508","price":10,"stock":1}""" },
        { "promotionEnd", """{"sku":"BAD-1","name":"Camiseta","price":10,"promotionalPrice":8,"promotionStart":"2026-02-01","promotionEnd":"2026-01-01","stock":1}""" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_a_ProblemDetails_naming_the_field_and_stores_nothing(string field, string body)
    {
        using var tenant = Tenant($"tenant-catalog-bad-{field}-{body.Length}");

        var refused = await tenant.PostAsync("api/catalog/products", new StringContent(body, null, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(0, (await ListAsync(tenant)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_non_image_upload_is_refused_and_changes_nothing()
    {
        using var tenant = Tenant("tenant-catalog-upload");
        var id = await CreateAsync(tenant, Full("UPL-1"));

        var refused = await tenant.PutAsync($"api/catalog/products/{id}/images/1",
            new ByteArrayContent("%PDF-1.7 not a picture"u8.ToArray()) { Headers = { ContentType = new("image/png") } }, Cancel);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var product = await tenant.GetFromJsonAsync<JsonElement>($"api/catalog/products/{id}", Cancel);
        Assert.Empty(product.GetProperty("images").EnumerateArray());
        Assert.Equal(1, product.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task An_export_stores_pending_items_and_publishes_one_full_snapshot_per_product()
    {
        await using var bus = await StandInForTheConnectorAsync();
        using var tenant = Tenant("tenant-catalog-export");
        await KnownStoreAsync(bus, tenant, "tenant-catalog-export", "500100");
        var withPicture = await CreateAsync(tenant, Full("EXP-1"));
        var plain = await CreateAsync(tenant, new { sku = "EXP-2", name = "Caneca", price = 25m, stock = 3m });
        var upload = await tenant.PutAsync($"api/catalog/products/{withPicture}/images/1",
            new ByteArrayContent(TinyPng) { Headers = { ContentType = new("image/png") } }, Cancel);
        Assert.Equal(HttpStatusCode.NoContent, upload.StatusCode);

        var exportId = await ExportAsync(tenant, "500100", withPicture, plain);

        var export = await tenant.GetFromJsonAsync<JsonElement>($"api/catalog/exports/{exportId}", Cancel);
        Assert.Equal("InProgress", export.GetProperty("status").GetString());
        Assert.Equal(2, export.GetProperty("pending").GetInt32());
        Assert.All(export.GetProperty("items").EnumerateArray(), i => Assert.Equal("Pending", i.GetProperty("status").GetString()));
        var requests = await bus.WaitForRequestsAsync(exportId, 2);
        Assert.Equal(2, requests.Count);
        var full = Assert.Single(requests, r => r.ProductId == withPicture);
        Assert.Equal(("tenant-catalog-export", "500100", 2L, "EXP-1"), (full.TenantId, full.StoreId, full.ProductVersion, full.Sku));
        Assert.Equal(("7891000315507", "61091000", "Hering", 300), (full.Ean, full.Ncm, full.Brand, full.WeightGrams));
        Assert.Equal((99.90m, 79.90m, 40.50m, 12m), (full.Price, full.PromotionalPrice, full.CostPrice, full.Stock));
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)), (full.PromotionStart, full.PromotionEnd));
        Assert.Equal((30.5m, 20m, 2m), (full.LengthCm, full.WidthCm, full.HeightCm));
        Assert.Equal(("Camiseta de algodão", true), (full.ShortDescription, full.Available));
        Assert.Equal("<p>Camiseta <b>100% algodão</b></p>", full.Description);
        var picture = Assert.Single(full.ImageUrls);
        Assert.StartsWith(fixture.System.Gateway.BaseAddress + "public/catalog/images/", picture);
        using var anonymous = new HttpClient();
        Assert.Equal(TinyPng, await anonymous.GetByteArrayAsync(picture, Cancel));
        Assert.Empty(Assert.Single(requests, r => r.ProductId == plain).ImageUrls);
    }

    [Fact]
    public async Task A_broken_link_is_answered_by_an_export_that_recreates_or_relinks_and_its_retry_keeps_the_choice()
    {
        await using var bus = await StandInForTheConnectorAsync();
        using var tenant = Tenant("tenant-catalog-relink");
        await KnownStoreAsync(bus, tenant, "tenant-catalog-relink", "500300");
        var product = await CreateAsync(tenant, new { sku = "REL-1", name = "Caneca", price = 25m, stock = 3m });

        var recreate = await tenant.PostAsJsonAsync("api/catalog/exports", new { storeId = "500300", productIds = new[] { product }, linkAction = "recreate" }, Cancel);
        var relink = await tenant.PostAsJsonAsync("api/catalog/exports",
            new { storeId = "500300", productIds = new[] { product }, linkAction = "relink", trayProductId = "777" }, Cancel);
        var vague = await tenant.PostAsJsonAsync("api/catalog/exports", new { storeId = "500300", productIds = new[] { product }, linkAction = "relink" }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, vague.StatusCode);
        // Issue 11: an id that goes into Tray's path is digits only ("../orders/1" would reach another resource).
        var traversal = await tenant.PostAsJsonAsync("api/catalog/exports",
            new { storeId = "500300", productIds = new[] { product }, linkAction = "relink", trayProductId = "../orders/1" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, traversal.StatusCode);
        Assert.True((await traversal.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("trayProductId", out _));
        var recreated = Assert.Single(await bus.WaitForRequestsAsync((await recreate.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("exportId").GetGuid(), 1));
        var relinked = Assert.Single(await bus.WaitForRequestsAsync((await relink.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("exportId").GetGuid(), 1));
        Assert.Equal(("recreate", (string?)null), (recreated.LinkAction, recreated.RelinkTrayProductId));
        Assert.Equal(("relink", "777"), (relinked.LinkAction, relinked.RelinkTrayProductId));

        // Tray refused the relink (say, for a moment): the retry of that export relinks again, not a plain export.
        await bus.PublishAsync(new ProductExportFailed("tenant-catalog-relink", "500300", relinked.ExportId, product, relinked.ProductVersion,
            "Loja indisponível", [], true, DateTimeOffset.UtcNow));
        await Eventually.ReturnsAsync(() => tenant.GetFromJsonAsync<JsonElement>($"api/catalog/exports/{relinked.ExportId}", Cancel),
            e => e.GetProperty("failed").GetInt32() == 1, TimeSpan.FromSeconds(30), "the relink failed");
        var retry = await tenant.PostAsync($"api/catalog/exports/{relinked.ExportId}/retry", null, Cancel);
        var retried = Assert.Single(await bus.WaitForRequestsAsync((await retry.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("exportId").GetGuid(), 1));
        Assert.Equal(("relink", "777"), (retried.LinkAction, retried.RelinkTrayProductId));
    }

    [Fact]
    public async Task An_unknown_store_or_product_is_refused_and_nothing_is_stored_or_published()
    {
        await using var bus = await StandInForTheConnectorAsync();
        using var tenant = Tenant("tenant-catalog-unknown");
        await KnownStoreAsync(bus, tenant, "tenant-catalog-unknown", "500200");
        var product = await CreateAsync(tenant, Full("UNK-1"));

        var unknownStore = await tenant.PostAsJsonAsync("api/catalog/exports", new { storeId = "999999", productIds = new[] { product } }, Cancel);
        var unknownProduct = await tenant.PostAsJsonAsync("api/catalog/exports",
            new { storeId = "500200", productIds = new[] { product, Guid.NewGuid() } }, Cancel);
        var empty = await tenant.PostAsJsonAsync("api/catalog/exports", new { storeId = "500200", productIds = Array.Empty<Guid>() }, Cancel);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownStore.StatusCode);
        Assert.True((await unknownStore.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("storeId", out _));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownProduct.StatusCode);
        Assert.True((await unknownProduct.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("productIds", out _));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        // The relay publishes in commit order: once a later export's snapshot arrives, a refused one would have too.
        var later = await CreateAsync(tenant, Full("UNK-2"));
        await bus.WaitForRequestsAsync(await ExportAsync(tenant, "500200", later), 1);
        Assert.False(bus.WasRequested(product));
    }

    [Fact]
    public async Task Outcomes_update_the_export_and_each_products_situation_per_store()
    {
        await using var bus = await StandInForTheConnectorAsync();
        const string tenantId = "tenant-catalog-outcomes";
        using var tenant = Tenant(tenantId);
        await KnownStoreAsync(bus, tenant, tenantId, "500300");
        await KnownStoreAsync(bus, tenant, tenantId, "500301");
        var exported = await CreateAsync(tenant, Full("OUT-1", "Camiseta Azul"));
        var failed = await CreateAsync(tenant, Full("OUT-2", "Camiseta Verde"));
        var pending = await CreateAsync(tenant, Full("OUT-3", "Camiseta Rosa"));
        var exportId = await ExportAsync(tenant, "500300", exported, failed, pending);

        await bus.PublishAsync(new ProductExported(tenantId, "500300", exportId, exported, 1, "7001", [], DateTimeOffset.UtcNow));
        await bus.PublishAsync(new ProductExportFailed(tenantId, "500300", exportId, failed, 1, "Tray refused the product.",
            ["O campo ncm é inválido"], false, DateTimeOffset.UtcNow));

        var export = await WaitForExportAsync(tenant, exportId, e => e.GetProperty("pending").GetInt32() == 1, "two outcomes applied");
        Assert.Equal((1, 1, "InProgress"), (export.GetProperty("exported").GetInt32(), export.GetProperty("failed").GetInt32(),
            export.GetProperty("status").GetString()));
        var items = export.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("productId").GetGuid());
        Assert.Equal("7001", items[exported].GetProperty("trayProductId").GetString());
        Assert.Equal("O campo ncm é inválido", items[failed].GetProperty("causes")[0].GetString());

        var inStore = Rows(await ListAsync(tenant, "storeId=500300"));
        Assert.Equal("Integrado", inStore[exported].GetProperty("situation").GetString());
        Assert.Equal("7001", inStore[exported].GetProperty("trayProductId").GetString());
        Assert.Equal("Erro", inStore[failed].GetProperty("situation").GetString());
        Assert.Equal("O campo ncm é inválido", inStore[failed].GetProperty("lastError").GetProperty("causes")[0].GetString());
        Assert.Equal("NaoIntegrado", inStore[pending].GetProperty("situation").GetString());
        Assert.All(Rows(await ListAsync(tenant, "storeId=500301")).Values,
            row => Assert.Equal("NaoIntegrado", row.GetProperty("situation").GetString()));

        Assert.Equal([exported], Rows(await ListAsync(tenant, "storeId=500300&situation=Integrado")).Keys);
        Assert.Equal([failed], Rows(await ListAsync(tenant, "storeId=500300&situation=Erro")).Keys);
        Assert.Equal([pending], Rows(await ListAsync(tenant, "storeId=500300&situation=N%C3%A3o%20integrado")).Keys);
        Assert.Equal([pending], Rows(await ListAsync(tenant, "storeId=500300&situation=NaoIntegrado")).Keys);
        Assert.Empty(Rows(await ListAsync(tenant, "storeId=500300&situation=Desatualizado")));
        await tenant.PutAsJsonAsync($"api/catalog/products/{exported}", Full("OUT-1", "Camiseta Azul Marinho"), Cancel);
        Assert.Equal([exported], Rows(await ListAsync(tenant, "storeId=500300&situation=Desatualizado")).Keys);
        Assert.Empty(Rows(await ListAsync(tenant, "storeId=500300&situation=Integrado")));
    }

    [Fact]
    public async Task A_late_outcome_of_an_older_version_does_not_change_the_situation()
    {
        await using var bus = await StandInForTheConnectorAsync();
        const string tenantId = "tenant-catalog-late";
        using var tenant = Tenant(tenantId);
        await KnownStoreAsync(bus, tenant, tenantId, "500400");
        var id = await CreateAsync(tenant, Full("LATE-1"));
        await tenant.PutAsJsonAsync($"api/catalog/products/{id}", Full("LATE-1", "Camiseta v2"), Cancel);
        var first = await ExportAsync(tenant, "500400", id);
        var second = await ExportAsync(tenant, "500400", id);
        await bus.PublishAsync(new ProductExported(tenantId, "500400", first, id, 2, "8001", [], DateTimeOffset.UtcNow));
        await WaitForExportAsync(tenant, first, e => e.GetProperty("exported").GetInt32() == 1, "version 2 exported");

        await bus.PublishAsync(new ProductExportFailed(tenantId, "500400", second, id, 1, "An old attempt failed.", [], true,
            DateTimeOffset.UtcNow));

        // The export's item records what it was told; the link keeps the newer version's outcome.
        await WaitForExportAsync(tenant, second, e => e.GetProperty("failed").GetInt32() == 1, "the late failure handled");
        var row = Rows(await ListAsync(tenant, "storeId=500400"))[id];
        Assert.Equal("Integrado", row.GetProperty("situation").GetString());
        Assert.Equal(2, row.GetProperty("exportedVersion").GetInt64());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("lastError").ValueKind);
    }

    [Fact]
    public async Task The_description_filter_ignores_accents_and_case_and_pages()
    {
        using var tenant = Tenant("tenant-catalog-search");
        await CreateAsync(tenant, new { sku = "CAF-1", name = "Café Torrado", price = 20m, stock = 1m });
        await CreateAsync(tenant, new { sku = "CAF-2", name = "CAFÉ MOÍDO 50%", price = 22m, stock = 1m });
        await CreateAsync(tenant, new { sku = "CHA-1", name = "Chá Mate", price = 10m, stock = 1m });

        Assert.Equal(2, (await ListAsync(tenant, "description=cafe")).GetProperty("total").GetInt32());
        Assert.Equal(2, (await ListAsync(tenant, "description=CAF%C3%89")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await ListAsync(tenant, "description=moido")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await ListAsync(tenant, "description=50%25")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await ListAsync(tenant, "description=%25%25%25x")).GetProperty("total").GetInt32());
        var page = await ListAsync(tenant, "description=cafe&page=2&pageSize=1");
        Assert.Equal((2, "Café Torrado"), (page.GetProperty("total").GetInt32(), page.GetProperty("items")[0].GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("situation=Integrado")]
    [InlineData("storeId=500100&situation=Pendente")]
    public async Task A_situation_without_a_store_or_not_in_the_list_is_a_400(string query)
    {
        using var tenant = Tenant("tenant-catalog-bad-filter");

        var refused = await tenant.GetAsync($"api/catalog/products?{query}", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Another_tenant_sees_and_changes_nothing_of_a_tenants_stores_exports_and_links()
    {
        await using var bus = await StandInForTheConnectorAsync();
        using var owner = Tenant("tenant-catalog-owner");
        using var other = Tenant("tenant-catalog-other");
        await KnownStoreAsync(bus, owner, "tenant-catalog-owner", "500500");
        await KnownStoreAsync(bus, other, "tenant-catalog-other", "500501");
        var product = await CreateAsync(owner, Full("ISO-1"));
        var exportId = await ExportAsync(owner, "500500", product);

        Assert.Equal(["500501"], (await other.GetFromJsonAsync<JsonElement>("api/catalog/stores", Cancel)).EnumerateArray()
            .Select(s => s.GetProperty("storeId").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"api/catalog/exports/{exportId}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("api/catalog/products?storeId=500500", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity,
            (await other.PostAsJsonAsync("api/catalog/exports", new { storeId = "500500", productIds = new[] { product } }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity,
            (await other.PostAsJsonAsync("api/catalog/exports", new { storeId = "500501", productIds = new[] { product } }, Cancel)).StatusCode);

        // An outcome under the other tenant, naming the owner's export and product, lands in the other tenant only.
        await bus.PublishAsync(new ProductExported("tenant-catalog-other", "500500", exportId, product, 1, "9001", [], DateTimeOffset.UtcNow));
        await bus.PublishAsync(new ProductExported("tenant-catalog-owner", "500500", exportId, product, 1, "9002", [], DateTimeOffset.UtcNow));
        var export = await WaitForExportAsync(owner, exportId, e => e.GetProperty("exported").GetInt32() == 1, "the owner's outcome");
        Assert.Equal("9002", export.GetProperty("items")[0].GetProperty("trayProductId").GetString());
        Assert.Equal("9002", Rows(await ListAsync(owner, "storeId=500500"))[product].GetProperty("trayProductId").GetString());
    }
}
