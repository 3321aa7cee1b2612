using System.Net;
using System.Text.Json.Nodes;

namespace TrayBridge.TraySimulator.Tests;

/// <summary><c>POST/PUT /products</c> refuse what Tray refuses (tray-api.md §3.4) as one 400 <c>{code, url, name, causes}</c>
/// (§8.2); the UNCONFIRMED rules only under <c>StrictProductValidation</c>.</summary>
public sealed class ProductValidationTests
{
    private static JsonObject Product(params (string Field, JsonNode? Value)[] fields)
    {
        var product = new JsonObject { ["name"] = "Caneca", ["reference"] = "CAN-1", ["price"] = 25.5m, ["ean"] = "", ["ncm"] = "" };
        foreach (var (field, value) in fields) product[field] = value;
        return new JsonObject { ["Product"] = product };
    }

    private static async Task<List<string>> CausesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Test.Ct))!.AsObject();
        Assert.Equal((400, "Bad Request"), ((int)body["code"]!, (string)body["name"]!));
        Assert.StartsWith("//products", (string)body["url"]!);
        return body["causes"]!.AsArray().Select(c => (string)c!).ToList();
    }

    [Fact]
    public async Task Documented_limits_are_refused_with_every_cause_and_nothing_is_stored()
    {
        await using var tray = await TraySession.StartAsync();
        await tray.AuthorizeAsync();

        var causes = await CausesAsync(await tray.PostJsonAsync("products",
            Product(("reference", new string('R', 121)), ("weight", 1_500_000_000), ("price", -1), ("description", new string('d', 4_801)))));

        Assert.Equal(["O campo reference deve ter no máximo 120 caracteres", "O campo description deve ter no máximo 4800 caracteres",
            "O campo weight deve ter no máximo 9 dígitos", "O campo price não pode ser negativo"], causes);
        Assert.Equal(0, (int)(await tray.GetJsonAsync("products"))["paging"]!["total"]!);
        Assert.Equal(["O campo name é obrigatório"], await CausesAsync(await tray.PostJsonAsync("products", Product(("name", "")))));
        // Lenient by default: what no source confirms passes, and a zero price is "sob consulta".
        Assert.NotEmpty(await tray.CreateAsync("products", Product(("price", 0), ("ean", "7891000315500"), ("ncm", "6109"), ("weight", -1))));
    }

    [Fact]
    public async Task A_PUT_checks_only_what_it_sends_and_strict_mode_adds_the_unconfirmed_rules()
    {
        await using var tray = await TraySession.StartAsync(s => s.StrictProductValidation = true);
        await tray.AuthorizeAsync();
        var id = await tray.CreateAsync("products", Product(("ean", "7891000315507"), ("ncm", "61091000")));

        var causes = await CausesAsync(await tray.PutJsonAsync($"products/{id}", new JsonObject
        {
            ["Product"] = new JsonObject { ["price"] = 10.999m, ["ean"] = "7891000315500", ["ncm"] = "6109100", ["stock"] = -2 },
        }));

        Assert.Equal(["O campo price deve ter no máximo 2 casas decimais", "O campo ean é inválido", "O campo ncm deve ter 8 dígitos",
            "O campo stock não pode ser negativo"], causes);
        Assert.Equal(HttpStatusCode.OK, (await tray.PutJsonAsync($"products/{id}", new JsonObject { ["Product"] = new JsonObject { ["stock"] = 4 } })).StatusCode);
        Assert.Equal("25.50", (string)(await tray.GetJsonAsync($"products/{id}"))["Product"]!["price"]!);
    }

    [Fact]
    public async Task A_variant_write_is_held_to_the_same_limits_and_a_refused_one_changes_nothing()
    {
        await using var tray = await TraySession.StartAsync(s => s.StrictProductValidation = true);
        await tray.AuthorizeAsync();
        var product = await tray.CreateAsync("products", Product());
        var variant = await tray.CreateAsync("products/variants", new JsonObject
        {
            ["Variant"] = new JsonObject { ["product_id"] = product, ["price"] = 30m, ["stock"] = 2, ["reference"] = "CAN-1-AZ" },
        });

        var refused = await tray.PutJsonAsync($"products/variants/{variant}", new JsonObject
        {
            ["Variant"] = new JsonObject { ["weight"] = 1_500_000_000, ["ean"] = "7891000315500", ["stock"] = 5 },
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = JsonNode.Parse(await refused.Content.ReadAsStringAsync(Test.Ct))!.AsObject();
        Assert.Equal(["O campo weight deve ter no máximo 9 dígitos", "O campo ean é inválido"], body["causes"]!.AsArray().Select(c => (string)c!));
        Assert.Equal("2", (string)(await tray.GetJsonAsync($"products/variants/{variant}"))["Variant"]!["stock"]!);
    }

    [Fact]
    public async Task A_validation_refusal_also_answers_the_errors_map_of_each_field_with_its_messages()
    {
        await using var tray = await TraySession.StartAsync(s => s.StrictProductValidation = true);
        await tray.AuthorizeAsync();

        var refused = await tray.PostJsonAsync("products", Product(("weight", 1_500_000_000), ("ean", "7891000315500"), ("price", -1)));
        var category = await tray.PostJsonAsync("categories", new JsonObject { ["Category"] = new JsonObject { ["name"] = "" } });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = JsonNode.Parse(await refused.Content.ReadAsStringAsync(Test.Ct))!["errors"]!.AsObject();
        Assert.Equal(["ean", "price", "weight"], errors.Select(e => e.Key).Order());
        Assert.Equal(["O campo ean é inválido"], errors["ean"]!.AsArray().Select(m => (string)m!));
        Assert.Equal(["O campo weight deve ter no máximo 9 dígitos"], errors["weight"]!.AsArray().Select(m => (string)m!));
        Assert.Equal(HttpStatusCode.BadRequest, category.StatusCode);
        Assert.Equal(["O campo name é obrigatório"],
            JsonNode.Parse(await category.Content.ReadAsStringAsync(Test.Ct))!["errors"]!["name"]!.AsArray().Select(m => (string)m!));
    }
}
