using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkiaSharp;
using TrayBridge.TestSupport;

namespace TrayBridge.IntegrationTests;

/// <summary>Exportar Produtos end to end: the ERP's catalogue through the gateway, the Catalog, the bus and the connector,
/// onto the Tray simulator — every field, variations as variants on Cor × Tamanho, pictures downloaded, each product Integrado,
/// and nothing duplicated on a re-export.</summary>
[Collection(nameof(EndToEndSystem))]
public sealed class ExportEndToEndTests(EndToEndFixture fixture)
{
    private const string Tenant = "tenant-export-e2e";
    private const string StoreId = "540001";
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    /// <summary>Every fifth product varies on Cor × Tamanho: four variations, each with its own SKU, EAN (on some), price and stock.</summary>
    private static bool Varies(int i) => i % 5 == 0;

    private static readonly (string Color, string Size)[] Grid = [("Azul", "P"), ("Azul", "M"), ("Preto", "P"), ("Preto", "M")];

    private static object[] Variations(int i) => !Varies(i) ? [] : Grid.Select((g, k) => (object)new
    {
        sku = $"E2E-{i:000}-{g.Color[..2].ToUpperInvariant()}-{g.Size}", values = new[] { g.Color, g.Size }, price = 50m + i + k,
        stock = k + 1, ean = k % 2 == 0 ? Ean13($"789200{i:0000}{k:00}") : null, costPrice = 20m, promotionalPrice = k == 3 ? 40m + i : (decimal?)null,
    }).ToArray();

    private static object Product(int i) => new
    {
        sku = $"E2E-{i:000}", name = $"Camiseta Estampa {i}", price = 50m + i, stock = i % 7, ean = Ean13($"789100{i:000000}"),
        ncm = "61091000", description = $"<p>Camiseta {i}</p>", shortDescription = "Algodão", brand = "Marca Teste", weightGrams = 200 + i,
        lengthCm = 30m, widthCm = 20m, heightCm = 2m, costPrice = 20m,
        variationAxes = Varies(i) ? new[] { "Cor", "Tamanho" } : [], variations = Variations(i),
    };

    /// <summary>What Tray must hold for each variation of product <paramref name="i"/>, keyed by reference.</summary>
    private static Dictionary<string, string> ExpectedVariants(int i) => Grid.Select((g, k) => (
        Sku: $"E2E-{i:000}-{g.Color[..2].ToUpperInvariant()}-{g.Size}",
        Fields: string.Join('|', $"Cor={g.Color}/Tamanho={g.Size}", k % 2 == 0 ? Ean13($"789200{i:0000}{k:00}") : "", $"{50 + i + k}.00", $"{k + 1}",
            "20.00", k == 3 ? $"{40 + i}.00" : "0.00", $"{200 + i}", $"{k + 1}"))).ToDictionary(v => v.Sku, v => v.Fields);

    private static string Fields(JsonElement v) => string.Join('|',
        string.Join("/", v.GetProperty("Sku").EnumerateArray().Select(s => $"{s.GetProperty("type").GetString()}={s.GetProperty("value").GetString()}")),
        v.GetProperty("ean").GetString(), v.GetProperty("price").GetString(), v.GetProperty("stock").GetString(), v.GetProperty("cost_price").GetString(),
        v.GetProperty("promotional_price").GetString(), v.GetProperty("weight").GetString(), v.GetProperty("order").GetString());

    /// <summary>2400×2000 px of noise, megabytes as JPEG: over both of Tray's limits.</summary>
    private static byte[] OversizedJpeg()
    {
        var random = new Random(7);
        using var bitmap = new SKBitmap(2400, 2000);
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 95);
        return data.ToArray();
    }

    private static string Ean13(string twelve) =>
        twelve + (10 - twelve.Select((c, i) => (c - '0') * (i % 2 == 0 ? 1 : 3)).Sum() % 10) % 10;

    [Fact]
    public async Task One_hundred_products_reach_Tray_with_every_field_become_Integrado_and_a_second_export_creates_nothing()
    {
        var system = fixture.System;
        using var simulator = system.Client(system.TraySimulator);
        using var erp = system.Client(system.Gateway, Tenant);
        await Api.ConnectStoreAsync(system, erp, StoreId);
        var metricsBefore = await Metrics.ScrapeAsync(system.TrayConnector);

        var ids = new List<Guid>();
        for (var i = 1; i <= 100; i++)
        {
            var created = await erp.PostAsJsonAsync("api/catalog/products", Product(i), Cancel);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var body = await created.Content.ReadFromJsonAsync<JsonElement>(Cancel);
            ids.Add(body.GetProperty("id").GetGuid());
            if (i % 10 == 0)
                Assert.Equal(HttpStatusCode.NoContent, (await erp.PutAsync($"api/catalog/products/{ids[^1]}/images/1",
                    new ByteArrayContent(i % 20 == 0 ? OversizedJpeg() : TinyPng), Cancel)).StatusCode);
            // Five variations get a picture of their own.
            if (i % 20 == 0)
                Assert.Equal(HttpStatusCode.NoContent, (await erp.PutAsync(
                    $"api/catalog/products/{ids[^1]}/variations/{body.GetProperty("variations")[0].GetProperty("id")}/images/1", new ByteArrayContent(TinyPng), Cancel)).StatusCode);
        }

        await ExportAsync(erp, ids);

        var onTray = await TrayProductsAsync(simulator);
        Assert.Equal(100, onTray.Count);
        for (var i = 1; i <= 100; i++)
        {
            var p = onTray[$"E2E-{i:000}"];
            Assert.Equal(($"Camiseta Estampa {i}", $"{50 + i}.00", Varies(i) ? "10" : $"{i % 7}", Ean13($"789100{i:000000}"), "61091000", $"{200 + i}", "Marca Teste"),
                (p.GetProperty("name").GetString(), p.GetProperty("price").GetString(), p.GetProperty("stock").GetString(),
                 p.GetProperty("ean").GetString(), p.GetProperty("ncm").GetString(), p.GetProperty("weight").GetString(),
                 p.GetProperty("brand").GetString()));
        }
        await VariantsMatchAsync(simulator, erp, onTray);
        var pictures = await Eventually.ReturnsAsync(() => simulator.GetFromJsonAsync<JsonElement>($"admin/stores/{StoreId}/pictures", Cancel),
            d => d.EnumerateArray().Count(x => x.GetProperty("status").ToString() is "Downloaded" or "1") >= 15,
            TimeSpan.FromSeconds(30), "the simulator to download the ten product and five variant pictures");
        Assert.Equal(15, pictures.GetArrayLength());
        Assert.Equal(5, pictures.EnumerateArray().Count(x => x.GetProperty("owner").GetString() == "variant"));
        // Oversized uploads were fitted by the Catalog: Tray downloads every picture within its 350 KB.
        Assert.All(pictures.EnumerateArray(), p => Assert.InRange(long.Parse(p.GetProperty("size").ToString()), 1, 350 * 1024));
        var integrated = await erp.GetFromJsonAsync<JsonElement>($"api/catalog/products?storeId={StoreId}&situation=Integrado&pageSize=100", Cancel);
        Assert.Equal(100, integrated.GetProperty("total").GetInt32());

        var requestsBefore = (await simulator.GetFromJsonAsync<JsonElement>($"admin/stores/{StoreId}/stats", Cancel)).GetProperty("requests").GetInt32();
        await ExportAsync(erp, ids);
        Assert.Empty(await CreatingPostsAfterAsync(simulator, requestsBefore));
        Assert.Equal(100, (await TrayProductsAsync(simulator)).Count);
        Assert.Equal(80, (await TrayVariantsAsync(simulator)).Count);
        // Unchanged pictures are not sent again (Tray would download them again).
        Assert.Equal(15, (await simulator.GetFromJsonAsync<JsonElement>($"admin/stores/{StoreId}/pictures", Cancel)).GetArrayLength());

        // Issue 15, metrics: each export of the 100 is counted once per run, the re-export (nothing to send) too.
        var metrics = await Eventually.ReturnsAsync(() => Metrics.ScrapeAsync(system.TrayConnector),
            m => m.Value("traybridge_products_exported_total", ("result", "exported"))
                 - metricsBefore.Value("traybridge_products_exported_total", ("result", "exported")) >= 200, TimeSpan.FromSeconds(30), "200 exports counted");
        Assert.Equal(200, metrics.Value("traybridge_products_exported_total", ("result", "exported"))
                          - metricsBefore.Value("traybridge_products_exported_total", ("result", "exported")));
        Assert.Equal(0, metrics.Value("traybridge_products_exported_total", ("result", "failed"))
                        - metricsBefore.Value("traybridge_products_exported_total", ("result", "failed")));
    }

    private static async Task ExportAsync(HttpClient erp, List<Guid> ids)
    {
        var requested = await erp.PostAsJsonAsync("api/catalog/exports", new { storeId = StoreId, productIds = ids }, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        var exportId = (await requested.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("exportId").GetGuid();
        var export = await Eventually.ReturnsAsync(() => erp.GetFromJsonAsync<JsonElement>($"api/catalog/exports/{exportId}", Cancel),
            e => e.GetProperty("pending").GetInt32() == 0, TimeSpan.FromSeconds(120), "the export to finish");
        Assert.Equal((100, 0), (export.GetProperty("exported").GetInt32(), export.GetProperty("failed").GetInt32()));
    }

    /// <summary>The POSTs that create a product or a variant among the store's calls after its first <paramref name="requests"/>.
    /// Exactly those calls: counting in the last 1000 (all the simulator keeps) before and after compares two different stretches,
    /// and the first export's POSTs drop out of the second once polling and the export add up.</summary>
    private static async Task<List<string>> CreatingPostsAfterAsync(HttpClient simulator, int requests) =>
        (await simulator.GetFromJsonAsync<JsonElement>($"admin/stores/{StoreId}/requests?after={requests}", Cancel)).EnumerateArray()
            .Where(r => r.GetProperty("method").GetString() == "POST" && r.GetProperty("path").GetString()!.Split('?')[0] is var path
                        && (path.EndsWith("/products") || path.EndsWith("/products/variants")))
            .Select(r => r.GetProperty("path").GetString()!).ToList();

    /// <summary>Each variation is on Tray once, under its product, with every field the ERP has; the Catalog knows its Tray variant.</summary>
    private async Task VariantsMatchAsync(HttpClient simulator, HttpClient erp, Dictionary<string, JsonElement> products)
    {
        var variants = await TrayVariantsAsync(simulator);
        Assert.Equal(80, variants.Count);
        var rows = (await erp.GetFromJsonAsync<JsonElement>($"api/catalog/products?storeId={StoreId}&pageSize=100", Cancel))
            .GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("sku").GetString()!);
        for (var i = 5; i <= 100; i += 5)
        {
            var trayId = products[$"E2E-{i:000}"].GetProperty("id").GetString();
            var mine = variants.Where(v => v.GetProperty("product_id").GetString() == trayId).ToList();
            Assert.Equal(ExpectedVariants(i), mine.ToDictionary(v => v.GetProperty("reference").GetString()!, Fields));
            Assert.Equal(mine.Select(v => v.GetProperty("id").GetString()).Order(),
                rows[$"E2E-{i:000}"].GetProperty("trayVariants").EnumerateArray().Select(v => v.GetProperty("trayVariantId").GetString()).Order());
        }
    }

    private async Task<string> TokenAsync(HttpClient simulator) =>
        (await simulator.GetFromJsonAsync<JsonElement>($"admin/stores/{StoreId}/secrets", Cancel)).GetProperty("accessTokens").EnumerateArray().Last().GetString()!;

    /// <summary>Tray's view, read as any Tray client would, with the store's current token.</summary>
    private async Task<Dictionary<string, JsonElement>> TrayProductsAsync(HttpClient simulator) =>
        (await ListAsync(simulator, "products", "Products", "Product")).ToDictionary(p => p.GetProperty("reference").GetString()!);

    private Task<List<JsonElement>> TrayVariantsAsync(HttpClient simulator) => ListAsync(simulator, "products/variants", "Variants", "Variant");

    private async Task<List<JsonElement>> ListAsync(HttpClient simulator, string resource, string collection, string element)
    {
        var token = await TokenAsync(simulator);
        var items = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var body = await simulator.GetFromJsonAsync<JsonElement>($"{StoreId}/web_api/{resource}?limit=50&page={page}&access_token={token}", Cancel);
            items.AddRange(body.GetProperty(collection).EnumerateArray().Select(item => item.GetProperty(element)));
            if (page * 50 >= int.Parse(body.GetProperty("paging").GetProperty("total").ToString())) return items;
        }
    }
}
