using System.Text.Json.Nodes;

namespace TrayBridge.TraySimulator.Tests;

/// <summary><c>/products/variants</c> as tray-api.md §3.6 describes it: the documented list filters, partial PUT, DELETE, and
/// the parent product's stock following its variants.</summary>
public sealed class VariantTests
{
    private static JsonObject Variant(string product, string reference, decimal price, int stock, string color, string size) => new()
    {
        ["Variant"] = new JsonObject
        {
            ["product_id"] = product, ["reference"] = reference, ["price"] = price, ["stock"] = stock,
            ["type_1"] = "Cor", ["value_1"] = color, ["type_2"] = "Tamanho", ["value_2"] = size,
        },
    };

    private static async Task<List<string>> IdsAsync(TraySession tray, string query) =>
        (await tray.GetJsonAsync("products/variants", query))["Variants"]!.AsArray().Select(v => (string)v!["Variant"]!["id"]!).ToList();

    [Fact]
    public async Task The_list_filters_by_reference_exactly_by_price_and_stock_as_numbers_and_by_grid()
    {
        await using var tray = await TraySession.StartAsync();
        await tray.AuthorizeAsync();
        var product = await tray.CreateAsync("products", new JsonObject { ["Product"] = new JsonObject { ["name"] = "Camiseta", ["price"] = "50" } });
        var cam1 = await tray.CreateAsync("products/variants", Variant(product, "CAM-1", 50m, 4, "Azul", "M"));
        var cam10 = await tray.CreateAsync("products/variants", Variant(product, "CAM-10", 55.5m, 6, "Preto", "M"));

        Assert.Equal([cam1], await IdsAsync(tray, "reference=CAM-1"));
        Assert.Equal([cam10], await IdsAsync(tray, "price=55.5"));
        Assert.Equal([cam1], await IdsAsync(tray, "stock=4"));
        Assert.Equal([cam10], await IdsAsync(tray, "type_1=Cor&value_1=Preto"));
        Assert.Equal([cam1, cam10], await IdsAsync(tray, $"product_id={product}&value_2=M"));
        var filters = (await tray.GetJsonAsync("products/variants"))["availableFilters"]!.AsArray().Select(f => (string)f!).ToList();
        Assert.Subset(filters.ToHashSet(), new HashSet<string> { "id", "product_id", "ean", "price", "promotional_price", "stock", "minimum_stock",
            "modified", "value_1", "value_2", "type_1", "type_2", "reference" });
    }

    [Fact]
    public async Task A_PUT_changes_only_what_it_sends_and_a_DELETE_takes_the_variant_out_of_its_product()
    {
        await using var tray = await TraySession.StartAsync();
        await tray.AuthorizeAsync();
        var product = await tray.CreateAsync("products", new JsonObject { ["Product"] = new JsonObject { ["name"] = "Camiseta", ["price"] = "50" } });
        var blue = await tray.CreateAsync("products/variants", Variant(product, "CAM-AZ", 50m, 4, "Azul", "M"));
        await tray.CreateAsync("products/variants", Variant(product, "CAM-PR", 50m, 6, "Preto", "M"));

        Assert.Equal(200, (int)(await tray.PutJsonAsync($"products/variants/{blue}", new JsonObject { ["Variant"] = new JsonObject { ["stock"] = 1 } })).StatusCode);
        var variant = (await tray.GetJsonAsync($"products/variants/{blue}"))["Variant"]!;
        Assert.Equal(("1", "50.00", "CAM-AZ"), ((string)variant["stock"]!, (string)variant["price"]!, (string)variant["reference"]!));
        Assert.Equal("""[{"type":"Cor","value":"Azul"},{"type":"Tamanho","value":"M"}]""", variant["Sku"]!.ToJsonString());
        Assert.Equal("7", (string)(await tray.GetJsonAsync($"products/{product}"))["Product"]!["stock"]!);

        Assert.Equal(200, (int)(await tray.Http.DeleteAsync(tray.Url($"products/variants/{blue}"), Test.Ct)).StatusCode);

        Assert.Equal(404, (int)(await tray.GetAsync($"products/variants/{blue}")).StatusCode);
        var parent = (await tray.GetJsonAsync($"products/{product}"))["Product"]!;
        Assert.Equal(("6", 1), ((string)parent["stock"]!, parent["Variant"]!.AsArray().Count));
        Assert.Equal(400, (int)(await tray.PostJsonAsync("products/variants", Variant("999999", "X", 1m, 1, "Azul", "P"))).StatusCode);
    }
}
