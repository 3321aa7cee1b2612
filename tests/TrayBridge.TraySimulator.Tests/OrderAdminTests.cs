using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TrayBridge.TraySimulator.Tests;

/// <summary>The /admin order operations tests drive an importer with: known content, cancel, item edits, a free read.</summary>
public sealed class OrderAdminTests
{
    private static async Task<string> ProductAsync(TraySession tray, string name, string price, int stock) =>
        await tray.CreateAsync("products", new JsonObject { ["Product"] = new JsonObject { ["name"] = name, ["price"] = price, ["stock"] = stock } });

    private static async Task<JsonObject> AdminOrderAsync(TraySession tray, long id) =>
        (await tray.Http.GetFromJsonAsync<JsonObject>($"admin/stores/{tray.Store.StoreId}/orders/{id}", Test.Ct))!;

    private static async Task<string> StockAsync(TraySession tray, string product) =>
        (string)(await tray.GetJsonAsync($"products/{product}"))["Product"]!["stock"]!;

    [Fact]
    public async Task An_order_with_known_content_reads_back_through_the_API_as_the_admin_read_shows_it()
    {
        await using var tray = await TraySession.StartAsync();
        await tray.AuthorizeAsync();
        var mug = await ProductAsync(tray, "Caneca", "20.00", 10);
        var requestsBefore = tray.Host.Admin.Stats(tray.Store.StoreId).Requests;

        var created = await tray.Http.PostAsJsonAsync($"admin/stores/{tray.Store.StoreId}/orders", new
        {
            status = "A ENVIAR", customer = new { withoutDocument = true }, items = new[] { new { productId = long.Parse(mug), quantity = 3 } },
            couponDiscount = 6.00m, couponCode = "TESTE6", discount = 4.00m, pixDiscount = 2.50m,
        }, Test.Ct);
        var id = long.Parse((string)(await created.BodyAsync())["id"]!);
        var admin = await AdminOrderAsync(tray, id);
        Assert.Equal(requestsBefore, tray.Host.Admin.Stats(tray.Store.StoreId).Requests);
        var complete = await tray.GetJsonAsync($"orders/{id}/complete");

        Assert.Equal(201, (int)created.StatusCode);
        Assert.Equal(complete.ToJsonString(), admin.ToJsonString());
        var order = complete["Order"]!.AsObject();
        Money.AddsUp(order);
        Assert.Equal(("60.00", "4.00", "-2.50", "Pix", "TESTE6/6.00"), ((string)order["partial_total"]!, (string)order["discount"]!,
            (string)order["payment_method_rate"]!, (string)order["payment_form"]!, (string)order["discount_coupon"]!));
        Assert.Equal(("", ""), ((string)order["Customer"]!["cpf"]!, (string)order["Customer"]!["cnpj"]!));
        Assert.Equal("7", await StockAsync(tray, mug));
    }

    [Fact]
    public async Task A_company_buyer_a_variant_item_and_refusals_for_what_cannot_be_sold()
    {
        await using var tray = await TraySession.StartAsync();
        await tray.AuthorizeAsync();
        var shirt = await ProductAsync(tray, "Camiseta", "50.00", 0);
        var blue = await tray.CreateAsync("products/variants", new JsonObject
        {
            ["Variant"] = new JsonObject { ["product_id"] = shirt, ["price"] = "55.00", ["stock"] = 5, ["type_1"] = "Cor", ["value_1"] = "Azul" },
        });
        var orders = $"admin/stores/{tray.Store.StoreId}/orders";

        var created = await (await tray.Http.PostAsJsonAsync(orders, new
        {
            customer = new { company = true }, items = new[] { new { productId = long.Parse(shirt), variantId = long.Parse(blue), quantity = 1 } },
        }, Test.Ct)).BodyAsync();
        var withoutVariant = await tray.Http.PostAsJsonAsync(orders, new { items = new[] { new { productId = long.Parse(shirt), quantity = 1 } } }, Test.Ct);
        var unknown = await tray.Http.PostAsJsonAsync(orders, new { items = new[] { new { productId = 999, quantity = 1 } } }, Test.Ct);
        var negative = await tray.Http.PostAsJsonAsync(orders, new { discount = -1 }, Test.Ct);

        var order = (await AdminOrderAsync(tray, long.Parse((string)created["id"]!)))["Order"]!;
        Assert.Equal("1", (string)order["Customer"]!["type"]!);
        Assert.Matches(@"^\d{2}\.\d{3}\.\d{3}/\d{4}-\d{2}$", (string)order["Customer"]!["cnpj"]!);
        Assert.NotEqual("", (string)order["Customer"]!["state_inscription"]!);
        var item = order["ProductsSold"]![0]!["ProductsSold"]!;
        Assert.Equal((blue, "55.00", """[{"type":"Cor","value":"Azul"}]"""), ((string)item["variant_id"]!, (string)item["price"]!, item["Sku"]!.ToJsonString()));
        Assert.Equal((400, 400, 400), ((int)withoutVariant.StatusCode, (int)unknown.StatusCode, (int)negative.StatusCode));
    }

    [Fact]
    public async Task Cancelling_through_admin_gives_stock_back_bumps_modified_and_notifies_an_order_update()
    {
        await using var tray = await TraySession.StartAsync();
        await tray.AuthorizeAsync();
        var (receiver, server) = await WebhookReceiver.ListenAsync(tray);
        await using var _ = server;
        var mug = await ProductAsync(tray, "Caneca", "20.00", 10);
        var id = tray.Host.Admin.CreateOrder(tray.Store.StoreId, new Seeding.OrderRecipe { Items = [new(long.Parse(mug), null, 4)] });
        Assert.Equal("6", await StockAsync(tray, mug));
        tray.Clock.Advance(TimeSpan.FromMinutes(5));

        var cancelled = await (await tray.Http.PostAsync($"admin/stores/{tray.Store.StoreId}/orders/{id}/cancel", null, Test.Ct)).BodyAsync();

        Assert.Equal("CANCELADO", (string)cancelled["status"]!);
        await receiver.ForAsync(id.ToString(), "update");
        var order = (await tray.GetJsonAsync($"orders/{id}"))["Order"]!;
        Assert.Equal(("CANCELADO", "2026-03-02 12:03:21"), ((string)order["status"]!, (string)order["modified"]!));
        Assert.Equal("10", await StockAsync(tray, mug));
        Assert.Equal(404, (int)(await tray.Http.PostAsync($"admin/stores/{tray.Store.StoreId}/orders/999999/cancel", null, Test.Ct)).StatusCode);
    }

    [Fact]
    public async Task Editing_items_through_admin_changes_lines_and_stock_and_notifies_each_change()
    {
        await using var tray = await TraySession.StartAsync();
        await tray.AuthorizeAsync();
        var (receiver, server) = await WebhookReceiver.ListenAsync(tray);
        await using var _ = server;
        var mug = await ProductAsync(tray, "Caneca", "20.00", 10);
        var plate = await ProductAsync(tray, "Prato", "35.00", 10);
        var id = tray.Host.Admin.CreateOrder(tray.Store.StoreId, new Seeding.OrderRecipe { Items = [new(long.Parse(mug), null, 2)] });
        var items = $"admin/stores/{tray.Store.StoreId}/orders/{id}/items";
        var lineBefore = (string)(await AdminOrderAsync(tray, id))["Order"]!["ProductsSold"]![0]!["ProductsSold"]!["id"]!;

        var more = await tray.Http.PostAsJsonAsync(items, new { productId = long.Parse(mug), quantity = 5 }, Test.Ct);
        var added = await tray.Http.PostAsJsonAsync(items, new { productId = long.Parse(plate), quantity = 1 }, Test.Ct);
        var afterAdding = (await AdminOrderAsync(tray, id))["Order"]!.AsObject();
        var removed = await tray.Http.PostAsJsonAsync(items, new { productId = long.Parse(mug), quantity = 0 }, Test.Ct);
        var afterRemoving = (await AdminOrderAsync(tray, id))["Order"]!.AsObject();

        Assert.Equal((200, 200, 200), ((int)more.StatusCode, (int)added.StatusCode, (int)removed.StatusCode));
        Assert.Equal((lineBefore, "5"), ((string)afterAdding["ProductsSold"]![0]!["ProductsSold"]!["id"]!, (string)afterAdding["ProductsSold"]![0]!["ProductsSold"]!["quantity"]!));
        Assert.Equal("135.00", (string)afterAdding["partial_total"]!);
        Money.AddsUp(afterAdding);
        Assert.Equal(plate, (string)Assert.Single(afterRemoving["ProductsSold"]!.AsArray())!["ProductsSold"]!["product_id"]!);
        Assert.Equal(("10", "9"), (await StockAsync(tray, mug), await StockAsync(tray, plate)));
        await Json.EventuallyAsync(() => receiver.Received.Count(r => r["scope_id"] == id.ToString() && r["act"] == "update") >= 3 ? receiver : null);

        tray.Host.Admin.Orders.Cancel(tray.Store.StoreId, id);
        Assert.Equal(400, (int)(await tray.Http.PostAsJsonAsync(items, new { productId = long.Parse(plate), quantity = 2 }, Test.Ct)).StatusCode);
    }

    [Fact]
    public async Task IncludeProduct_and_excludeProduct_edit_an_order_through_the_API()
    {
        await using var tray = await TraySession.StartAsync();
        await tray.AuthorizeAsync();
        var (receiver, server) = await WebhookReceiver.ListenAsync(tray);
        await using var _ = server;
        var mug = await ProductAsync(tray, "Caneca", "20.00", 10);
        var plate = await ProductAsync(tray, "Prato", "35.00", 10);
        var id = await tray.CreateAsync("orders", OrderTests.OrderBody(mug, quantity: 1));

        var included = await tray.PostJsonAsync($"orders/includeProduct/{id}", new JsonObject
        {
            ["ProductsSold"] = new JsonObject { ["product_id"] = plate, ["variant_id"] = "0", ["price"] = "30.00", ["original_price"] = "35.00", ["quantity"] = "2" },
        });
        var withPlate = (await tray.GetJsonAsync($"orders/{id}/complete"))["Order"]!.AsObject();
        var excluded = await tray.PutJsonAsync($"orders/excludeProduct/{id}/{mug}", new JsonObject());
        var again = await tray.PutJsonAsync($"orders/excludeProduct/{id}/{mug}", new JsonObject());
        var withoutMug = (await tray.GetJsonAsync($"orders/{id}/complete"))["Order"]!.AsObject();

        Assert.Equal(201, (int)included.StatusCode);
        Assert.Equal($$"""{"message":"Success","id":"{{id}}","code":201}""", (await included.BodyAsync()).ToJsonString());
        Assert.Equal($$"""{"message":"Success","id":"{{id}}","code":200}""", (await excluded.BodyAsync()).ToJsonString());
        Assert.Equal(404, (int)again.StatusCode);
        Assert.Equal(("80.00", "8"), ((string)withPlate["partial_total"]!, await StockAsync(tray, plate)));
        var plateLine = Assert.Single(withoutMug["ProductsSold"]!.AsArray())!["ProductsSold"]!;
        Assert.Equal(("30.00", "35.00"), ((string)plateLine["price"]!, (string)plateLine["original_price"]!));
        Assert.Equal("10", await StockAsync(tray, mug));
        await Json.EventuallyAsync(() => receiver.Received.Count(r => r["scope_id"] == id && r["act"] == "update") >= 2 ? receiver : null);
    }
}
