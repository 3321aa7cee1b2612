using System.Text.Json.Nodes;

namespace TrayBridge.TraySimulator.Tests;

public sealed class CatalogTests
{
    [Fact]
    public async Task The_product_list_has_Tray_envelope_and_every_scalar_is_a_string()
    {
        await using var tray = await TraySession.StartAsync(products: 4);
        await tray.AuthorizeAsync();

        var list = await tray.GetJsonAsync("products", "limit=2&page=2");

        Assert.Equal(new JsonObject { ["total"] = 4, ["page"] = 2, ["offset"] = 2, ["limit"] = 2, ["maxLimit"] = 50 }.ToJsonString(), list["paging"]!.ToJsonString());
        Assert.Equal("""[{"id":"asc"}]""", list["sort"]!.ToJsonString());
        Assert.Contains("reference", list["availableFilters"]!.AsArray().Select(f => (string)f!));
        Assert.Equal("[]", list["appliedFilters"]!.ToJsonString());
        var product = list["Products"]![0]!["Product"]!.AsObject();
        Assert.Equal("3", (string)product["id"]!);
        Json.HasFields(product, "id", "ean", "ncm", "name", "reference", "price", "promotional_price", "start_promotion", "end_promotion",
            "stock", "available", "brand", "category_id", "weight", "length", "width", "height", "ProductImage", "Variant", "modified");
        Json.AllScalarsAreStrings(product);
        Assert.Matches(@"^\d+\.\d{2}$", (string)product["price"]!);
    }

    [Fact]
    public async Task A_product_created_as_JSON_or_as_form_reads_back_and_PUT_changes_only_what_it_sends()
    {
        await using var tray = await TraySession.StartAsync();
        await tray.AuthorizeAsync();

        var id = await tray.CreateAsync("products", new JsonObject
        {
            ["Product"] = new JsonObject
            {
                ["name"] = "Camiseta Azul M", ["ean"] = "7890000000000", ["ncm"] = "61091000", ["reference"] = "CAM-AZ-M", ["price"] = 79.9,
                ["promotional_price"] = 69.9, ["start_promotion"] = "2026-03-01", ["end_promotion"] = "2026-03-31", ["stock"] = 12, ["available"] = 1,
                ["brand"] = "Marca", ["category_id"] = "2", ["weight"] = 300, ["length"] = 30, ["width"] = 20, ["height"] = 3,
            },
        });
        var formResponse = await tray.Http.PostAsync(tray.Url("products"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Product[name]"] = "Caneca", ["Product[price]"] = "25.5", ["Product[stock]"] = "3",
        }), Test.Ct);
        var formId = (string)(await formResponse.BodyAsync())["id"]!;
        var saved = await (await tray.PutJsonAsync($"products/{id}", new JsonObject { ["Product"] = new JsonObject { ["stock"] = "7" } })).BodyAsync();

        Assert.Equal("""{"message":"Saved","id":"1","code":200}""", saved.ToJsonString());
        var product = (await tray.GetJsonAsync($"products/{id}"))["Product"]!;
        Assert.Equal("79.90", (string)product["price"]!);
        Assert.Equal("69.90", (string)product["current_price"]!);
        Assert.Equal("2026-03-31", (string)product["end_promotion"]!);
        Assert.Equal("7", (string)product["stock"]!);
        Assert.Equal("CAM-AZ-M", (string)product["reference"]!);
        Assert.Equal("25.50", (string)(await tray.GetJsonAsync($"products/{formId}"))["Product"]!["price"]!);
        var filtered = await tray.GetJsonAsync("products", "reference=CAM-AZ-M");
        Assert.Equal(1, (int)filtered["paging"]!["total"]!);
        Assert.Equal("CAM-AZ-M", (string)filtered["appliedFilters"]!["reference"]!);
    }

    [Fact]
    public async Task Deleting_a_product_answers_Deleted_and_then_404()
    {
        await using var tray = await TraySession.StartAsync(products: 1);
        await tray.AuthorizeAsync();

        var deleted = await (await tray.Http.DeleteAsync(tray.Url("products/1"), Test.Ct)).BodyAsync();

        Assert.Equal("""{"message":"Deleted","id":"1","code":200}""", deleted.ToJsonString());
        Assert.Equal(404, (int)(await tray.GetAsync("products/1")).StatusCode);
    }

    [Fact]
    public async Task Variants_take_either_grid_encoding_and_the_product_stock_is_their_sum()
    {
        await using var tray = await TraySession.StartAsync();
        await tray.AuthorizeAsync();
        var product = await tray.CreateAsync("products", new JsonObject { ["Product"] = new JsonObject { ["name"] = "Camiseta", ["price"] = "50" } });

        var first = await tray.CreateAsync("products/variants", new JsonObject
        {
            ["Variant"] = new JsonObject { ["product_id"] = product, ["price"] = 50, ["stock"] = 4, ["ean"] = "7891111111111", ["type_1"] = "Cor", ["value_1"] = "Azul", ["type_2"] = "Tamanho", ["value_2"] = "M" },
        });
        await tray.CreateAsync("products/variants", new JsonObject
        {
            ["Variant"] = new JsonObject { ["product_id"] = product, ["price"] = 50, ["stock"] = 6, ["Sku"] = new JsonArray(new JsonObject { ["type"] = "Cor", ["value"] = "Preto" }) },
        });

        var variant = (await tray.GetJsonAsync($"products/variants/{first}"))["Variant"]!.AsObject();
        Json.AllScalarsAreStrings(variant);
        Assert.Equal("""[{"type":"Cor","value":"Azul"},{"type":"Tamanho","value":"M"}]""", variant["Sku"]!.ToJsonString());
        var parent = (await tray.GetJsonAsync($"products/{product}"))["Product"]!;
        Assert.Equal("10", (string)parent["stock"]!);
        Assert.Equal(2, parent["Variant"]!.AsArray().Count);
        Assert.Equal(first, (string)parent["Variant"]![0]!["id"]!);
        Assert.Equal(2, (int)(await tray.GetJsonAsync("products/variants", $"product_id={product}"))["paging"]!["total"]!);
    }

    [Fact]
    public async Task Categories_and_brands_are_plain_resources_with_their_wrappers()
    {
        await using var tray = await TraySession.StartAsync();
        await tray.AuthorizeAsync();

        var parent = await tray.CreateAsync("categories", new JsonObject { ["Category"] = new JsonObject { ["name"] = "Roupas" } });
        await tray.CreateAsync("categories", new JsonObject { ["Category"] = new JsonObject { ["name"] = "Camisetas", ["parent_id"] = parent } });
        var brand = await tray.CreateAsync("products/brands", new JsonObject { ["Brand"] = new JsonObject { ["brand"] = "Ipê Têxtil" } });

        var children = await tray.GetJsonAsync("categories", $"parent_id={parent}");
        var child = children["Categories"]![0]!["Category"]!.AsObject();
        Assert.Equal("Camisetas", (string)child["name"]!);
        Json.AllScalarsAreStrings(child);
        var detail = (await tray.GetJsonAsync($"categories/{parent}"))["Category"]!.AsObject();
        Json.HasFields(detail, "slug", "order", "title", "link");
        Assert.Equal("ipe-textil", (string)(await tray.GetJsonAsync($"products/brands/{brand}"))["Brand"]!["slug"]!);
    }

    [Fact]
    public async Task A_root_category_shows_an_empty_parent_id_and_strict_the_parent_id_0_filter_finds_none()
    {
        await using var tray = await TraySession.StartAsync();
        await tray.AuthorizeAsync();
        var roots = (int)(await tray.GetJsonAsync("categories", "parent_id=0"))["paging"]!["total"]!; // the seed's
        var root = await tray.CreateAsync("categories", new JsonObject { ["Category"] = new JsonObject { ["name"] = "Roupas" } });
        var zero = await tray.CreateAsync("categories", new JsonObject { ["Category"] = new JsonObject { ["name"] = "Praia", ["parent_id"] = "0" } });
        var child = await tray.CreateAsync("categories", new JsonObject { ["Category"] = new JsonObject { ["name"] = "Sungas", ["parent_id"] = root } });

        var all = (await tray.GetJsonAsync("categories", "limit=50"))["Categories"]!.AsArray().Select(c => c!["Category"]!).ToList();
        Assert.Equal(["", "", root], new[] { root, zero, child }.Select(id => (string)all.Single(c => (string)c["id"]! == id)["parent_id"]!));
        Assert.All(all.Where(c => (string)c["id"]! != child), c => Assert.Equal("", (string)c["parent_id"]!));
        Assert.Equal("", (string)(await tray.GetJsonAsync($"categories/{root}"))["Category"]!["parent_id"]!);
        Assert.Equal(roots + 2, (int)(await tray.GetJsonAsync("categories", "parent_id=0"))["paging"]!["total"]!);

        tray.Host.Admin.UpdateSettings(s => s with { StrictRootCategoryFilter = true });

        Assert.Equal(0, (int)(await tray.GetJsonAsync("categories", "parent_id=0"))["paging"]!["total"]!);
        Assert.Equal(1, (int)(await tray.GetJsonAsync("categories", $"parent_id={root}"))["paging"]!["total"]!);
    }

    [Fact]
    public async Task A_slug_is_kept_as_sent_or_made_from_the_name_and_one_sent_twice_is_a_400_naming_slug_in_errors()
    {
        await using var tray = await TraySession.StartAsync();
        await tray.AuthorizeAsync();
        var clothes = await tray.CreateAsync("categories", new JsonObject { ["Category"] = new JsonObject { ["name"] = "Roupas" } });
        var shoes = await tray.CreateAsync("categories", new JsonObject { ["Category"] = new JsonObject { ["name"] = "Sapataria", ["slug"] = "sapatos" } });
        var made = await tray.CreateAsync("categories", new JsonObject { ["Category"] = new JsonObject { ["name"] = "Cintos", ["parent_id"] = clothes } });
        var madeAgain = await tray.CreateAsync("categories", new JsonObject { ["Category"] = new JsonObject { ["name"] = "Cintos", ["parent_id"] = shoes } });
        var before = (int)(await tray.GetJsonAsync("categories"))["paging"]!["total"]!;

        var sentTwice = await tray.PostJsonAsync("categories", new JsonObject { ["Category"] = new JsonObject { ["name"] = "Outra", ["slug"] = "SAPATOS" } });
        var madeOneSent = await tray.PostJsonAsync("categories", new JsonObject { ["Category"] = new JsonObject { ["name"] = "Cintos", ["slug"] = "cintos" } });
        var suffixed = await tray.CreateAsync("categories", new JsonObject { ["Category"] = new JsonObject { ["name"] = "Cintos", ["slug"] = "cintos-2" } });
        var renamed = await tray.PutJsonAsync($"categories/{made}", new JsonObject { ["Category"] = new JsonObject { ["slug"] = "cintos-2" } });

        Assert.Equal("sapatos", (string)(await tray.GetJsonAsync($"categories/{shoes}"))["Category"]!["slug"]!);
        Assert.Equal(["roupas", "cintos", "cintos", "cintos-2"], await Task.WhenAll(new[] { clothes, made, madeAgain, suffixed }
            .Select(async id => (string)(await tray.GetJsonAsync($"categories/{id}"))["Category"]!["slug"]!)));
        foreach (var refused in new[] { sentTwice, madeOneSent, renamed })
        {
            Assert.Equal(400, (int)refused.StatusCode);
            var body = await refused.BodyAsync();
            Assert.Equal((400, "Bad Request"), ((int)body["code"]!, (string)body["name"]!));
            Assert.Contains("slug", (string)body["errors"]!["slug"]![0]!);
            Assert.Single(body["causes"]!.AsArray());
        }
        Assert.Equal(before + 1, (int)(await tray.GetJsonAsync("categories"))["paging"]!["total"]!);
        // Brands keep theirs apart from categories': "sapatos" is free there, once.
        var brand = await tray.CreateAsync("products/brands", new JsonObject { ["Brand"] = new JsonObject { ["brand"] = "Sapatos & Cia", ["slug"] = "sapatos" } });
        Assert.Equal("sapatos", (string)(await tray.GetJsonAsync($"products/brands/{brand}"))["Brand"]!["slug"]!);
        var brandTwice = await tray.PostJsonAsync("products/brands", new JsonObject { ["Brand"] = new JsonObject { ["brand"] = "Sapatos", ["slug"] = "sapatos" } });
        Assert.Equal(400, (int)brandTwice.StatusCode);
        Assert.NotNull((await brandTwice.BodyAsync())["errors"]!["slug"]);
    }

    [Fact]
    public async Task Paths_work_with_a_trailing_slash_and_a_doubled_web_api_only_for_reads()
    {
        await using var tray = await TraySession.StartAsync(products: 1);
        await tray.AuthorizeAsync();
        var doubled = $"{tray.Store.ApiAddress}/web_api/products?access_token={tray.AccessToken}";

        Assert.Equal(200, (int)(await tray.Http.GetAsync($"{tray.Store.ApiAddress}/products/?access_token={tray.AccessToken}", Test.Ct)).StatusCode);
        Assert.Equal(200, (int)(await tray.Http.GetAsync(doubled, Test.Ct)).StatusCode);
        var write = await tray.Http.PostAsync(doubled, new StringContent("""{"Product":{"name":"x"}}""", System.Text.Encoding.UTF8, "application/json"), Test.Ct);
        Assert.Equal(404, (int)write.StatusCode);
    }
}
