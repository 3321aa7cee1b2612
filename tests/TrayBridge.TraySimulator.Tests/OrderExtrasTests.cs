using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TrayBridge.TraySimulator.Tests;

/// <summary>Admin orders with what tests of an importer's edge cases need: a progressive discount in Tray's total, and a
/// second order by a buyer the store already has.</summary>
public sealed class OrderExtrasTests
{
    private static async Task<long> MugAsync(TraySession tray) => long.Parse(await tray.CreateAsync("products",
        new JsonObject { ["Product"] = new JsonObject { ["name"] = "Caneca", ["price"] = "20.00", ["stock"] = 10 } }));

    private static async Task<HttpResponseMessage> OrderAsync(TraySession tray, object body) =>
        await tray.Http.PostAsJsonAsync($"admin/stores/{tray.Store.StoreId}/orders", body, Test.Ct);

    private static async Task<JsonObject> CompleteAsync(TraySession tray, HttpResponseMessage created) =>
        (await tray.GetJsonAsync($"orders/{(string)(await created.BodyAsync())["id"]!}/complete"))["Order"]!.AsObject();

    [Fact]
    public async Task A_progressive_discount_is_taken_off_the_total_and_shown_in_the_list_and_in_complete()
    {
        await using var tray = await TraySession.StartAsync();
        await tray.AuthorizeAsync();
        var mug = await MugAsync(tray);

        var created = await OrderAsync(tray, new { items = new[] { new { productId = mug, quantity = 3 } }, discount = 4.00m, progressiveDiscount = 7.50m });
        var order = await CompleteAsync(tray, created);
        var listed = Assert.Single((await tray.GetJsonAsync("orders"))["Orders"]!.AsArray())!["Order"]!.AsObject();
        var negative = await OrderAsync(tray, new { progressiveDiscount = -1 });

        Assert.Equal(("7.50", "7.50"), ((string)order["progressive_discount"]!, (string)listed["progressive_discount"]!));
        Assert.Equal(Money.Of(order["partial_total"]) - 4.00m - 7.50m + Money.Of(order["shipment_value"]), Money.Of(order["total"]));
        Assert.Equal((string)order["total"]!, (string)listed["total"]!);
        Money.AddsUp(order);
        Assert.Equal(400, (int)negative.StatusCode);
    }

    [Fact]
    public async Task An_order_for_an_existing_customer_reuses_the_buyer_and_leaves_no_stray_customer_and_a_new_buyer_can_be_named()
    {
        await using var tray = await TraySession.StartAsync();
        await tray.AuthorizeAsync();
        var mug = await MugAsync(tray);
        var items = new[] { new { productId = mug, quantity = 1 } };
        var first = await CompleteAsync(tray, await OrderAsync(tray, new { items, customer = new { name = "Conceição Araújo" } }));
        var customerId = long.Parse((string)first["customer_id"]!);

        var second = await CompleteAsync(tray, await OrderAsync(tray, new { items, customerId, customer = new { company = true } }));
        var unknown = await OrderAsync(tray, new { items, customerId = 999999 });

        Assert.Equal(("Conceição Araújo", "Conceição Araújo"), ((string)first["Customer"]!["name"]!,
            (string)first["Customer"]!["CustomerAddresses"]![0]!["CustomerAddress"]!["recipient"]!));
        Assert.Equal(customerId.ToString(), (string)second["customer_id"]!);
        Assert.Equal((string)first["Customer"]!["cpf"]!, (string)second["Customer"]!["cpf"]!);
        Assert.NotEqual("", (string)second["Customer"]!["cpf"]!);
        Assert.Equal((string)first["CustomerAddress"]!["id"]!, (string)second["CustomerAddress"]!["id"]!);
        Assert.Single((await tray.GetJsonAsync("customers"))["Customers"]!.AsArray());
        Assert.Equal(400, (int)unknown.StatusCode);
        Assert.Equal("8", (string)(await tray.GetJsonAsync($"products/{mug}"))["Product"]!["stock"]!);
    }
}
