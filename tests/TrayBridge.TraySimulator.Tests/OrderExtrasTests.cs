using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TrayBridge.TraySimulator.Tests;

/// <summary>Admin orders with what tests of an importer's edge cases need: progressive discounts and an unlisted discount in
/// Tray's total, and a second order by a buyer the store already has.</summary>
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
    public async Task A_shipping_progressive_discount_is_at_most_the_freight_and_an_unlisted_discount_shows_in_no_field()
    {
        await using var tray = await TraySession.StartAsync();
        await tray.AuthorizeAsync();
        var mug = await MugAsync(tray);
        var items = new[] { new { productId = mug, quantity = 1 } };

        var free = await CompleteAsync(tray, await OrderAsync(tray, new { items, shippingProgressiveDiscount = 1000m }));
        var unlisted = await CompleteAsync(tray, await OrderAsync(tray, new { items, unlistedDiscount = 3.25m }));

        Assert.Equal((string)free["shipment_value"]!, (string)free["shipping_progressive_discount"]!);
        Assert.Equal(20.00m, Money.Of(free["total"]));
        Money.AddsUp(free);
        Assert.Equal(20.00m + Money.Of(unlisted["shipment_value"]) - 3.25m, Money.Of(unlisted["total"]));
        Assert.Equal(("0.00", "0.00"), ((string)unlisted["progressive_discount"]!, (string)unlisted["shipping_progressive_discount"]!));
    }

    [Fact]
    public async Task With_progressive_discounts_on_the_list_only_the_order_and_its_complete_leave_them_out_as_DEV21_shows()
    {
        await using var tray = await TraySession.StartAsync(s => s.ProgressiveDiscountsOnListOnly = true);
        await tray.AuthorizeAsync();
        var mug = await MugAsync(tray);

        var created = await OrderAsync(tray, new { items = new[] { new { productId = mug, quantity = 2 } }, progressiveDiscount = 4.00m });
        var id = (string)(await created.BodyAsync())["id"]!;
        var listed = Assert.Single((await tray.GetJsonAsync("orders"))["Orders"]!.AsArray())!["Order"]!.AsObject();
        var detail = (await tray.GetJsonAsync($"orders/{id}"))["Order"]!.AsObject();
        var complete = (await tray.GetJsonAsync($"orders/{id}/complete"))["Order"]!.AsObject();

        Assert.Equal(("4.00", "0.00"), ((string)listed["progressive_discount"]!, (string)listed["shipping_progressive_discount"]!));
        Assert.False(detail.ContainsKey("progressive_discount") || detail.ContainsKey("shipping_progressive_discount"));
        Assert.False(complete.ContainsKey("progressive_discount") || complete.ContainsKey("shipping_progressive_discount"));
        Assert.Equal((string)listed["total"]!, (string)complete["total"]!);
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
