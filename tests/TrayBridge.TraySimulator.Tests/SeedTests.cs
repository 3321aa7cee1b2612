using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TrayBridge.TraySimulator.Tests;

/// <summary>Seeded stores hold every case an order importer meets, and every order adds up.</summary>
public sealed class SeedTests
{
    [Fact]
    public async Task Every_order_of_a_200_order_seed_adds_up_and_the_seed_covers_every_kind_of_order_and_buyer()
    {
        await using var tray = await TraySession.StartAsync(products: 20, orders: 200);
        await tray.AuthorizeAsync();
        var ids = new List<long>();
        for (var page = 1; page <= 4; page++)
            ids.AddRange((await tray.GetJsonAsync("orders", $"limit=50&page={page}"))["Orders"]!.AsArray().Select(o => long.Parse((string)o!["Order"]!["id"]!)));

        // The admin read costs no request budget: 200 of them would not fit Tray's 180 a minute.
        var orders = ids.Select(id => tray.Host.Admin.Orders.Complete(tray.Store.StoreId, id)["Order"]!.AsObject()).ToList();

        Assert.Equal(200, orders.Count);
        Assert.All(orders, Money.AddsUp);
        Assert.Contains(orders, o => o["coupon"] is not null && Money.Of(o["coupon"]!["discount"]) > 0);
        Assert.Contains(orders, o => Money.Of(o["discount"]) > 0);
        Assert.Contains(orders, o => Money.Of(o["payment_method_rate"]) < 0 && (string)o["payment_method_type"]! == "pix");
        Assert.Contains(orders, o => Money.Of(o["taxes"]) > 0);
        Assert.Contains(orders, o => Money.Of(o["progressive_discount"]) > 0);
        // Free shipping: the freight's progressive discount is the whole freight.
        Assert.Contains(orders, o => Money.Of(o["shipping_progressive_discount"]) > 0 && o["shipping_progressive_discount"]!.ToString() == o["shipment_value"]!.ToString());
        Assert.Contains(orders, o => Money.Of(o["interest"]) > 0 && (string)o["installment"]! != "1");
        Assert.Contains(orders, o => o["ProductsSold"]!.AsArray().Any(i => i!["ProductsSold"]!["Sku"]!.AsArray().Count > 0));
        Assert.Contains(orders, o => o["MarketplaceOrder"]!.AsArray().Count == 1
            && ((string)o["MarketplaceOrder"]![0]!["MarketplaceOrder"]!["marketplace_document"]!).Length == 18);
        // Marketplace orders mostly carry the seller's id there, and some do not (the NF-e's idCadIntTran then comes from the merchant).
        var sellerIds = orders.SelectMany(o => o["MarketplaceOrder"]!.AsArray()).Select(m => (string)m!["MarketplaceOrder"]!["marketplace_seller_id"]!).ToList();
        Assert.InRange(sellerIds.Count(id => id.Length == 0), 5, sellerIds.Count / 3);
        // Tray's own Mercado Livre integration: MlOrder, no MarketplaceOrder and so no marketplace document.
        Assert.Contains(orders, o => o["MlOrder"]!.AsArray().Count == 1 && o["MarketplaceOrder"]!.AsArray().Count == 0);

        var customers = orders.Select(o => o["Customer"]!.AsObject()).ToList();
        Assert.Contains(customers, c => (string)c["type"]! == "0" && Regex.IsMatch((string)c["cpf"]!, @"^\d{11}$"));
        Assert.Contains(customers, c => (string)c["type"]! == "1" && Regex.IsMatch((string)c["cnpj"]!, @"^\d{2}\.\d{3}\.\d{3}/\d{4}-\d{2}$")
            && ((string)c["state_inscription"]!).Length > 0);
        var undocumented = customers.Count(c => (string)c["cpf"]! == "" && (string)c["cnpj"]! == "");
        Assert.InRange(undocumented, 1, 20);
    }

    [Fact]
    public async Task A_ten_order_seed_already_has_coupon_PIX_discount_interest_and_both_marketplace_forms_and_the_list_shows_the_coupon()
    {
        await using var tray = await TraySession.StartAsync(products: 6, orders: 10);
        await tray.AuthorizeAsync();

        var orders = (await tray.GetJsonAsync("orders", "limit=50"))["Orders"]!.AsArray().Select(o => o!["Order"]!.AsObject()).ToList();

        Assert.All(orders, Money.AddsUp);
        var coupon = orders.First(o => o["coupon"] is not null);
        Json.AllScalarsAreStrings(coupon["coupon"]!.AsObject());
        Assert.Equal(["code", "discount"], coupon["coupon"]!.AsObject().Select(p => p.Key));
        Assert.Contains(orders, o => Money.Of(o["payment_method_rate"]) < 0 && (string)o["payment_form"]! == "Pix");
        Assert.Contains(orders, o => Money.Of(o["interest"]) > 0);
        Assert.Contains(orders, o => o["MarketplaceOrder"]!.AsArray().Count == 1);
        Assert.Contains(orders, o => (string)o["point_sale"]! == "MERCADO LIVRE" && o["MarketplaceOrder"]!.AsArray().Count == 0);
    }

    [Fact]
    public async Task Seeded_products_show_ncm_and_ean_and_some_lack_either()
    {
        await using var tray = await TraySession.StartAsync(products: 10);
        await tray.AuthorizeAsync();

        var products = (await tray.GetJsonAsync("products", "limit=50"))["Products"]!.AsArray().Select(p => p!["Product"]!).ToList();
        var withoutNcm = products.First(p => (string)p["ncm"]! == "");
        var detail = (await tray.GetJsonAsync($"products/{withoutNcm["id"]}"))["Product"]!.AsObject();

        Assert.Contains(products, p => ((string)p["ncm"]!).Length == 8);
        Assert.Contains(products, p => Regex.IsMatch((string)p["ean"]!, @"^789\d{10}$"));
        Assert.Contains(products, p => (string)p["ean"]! == "");
        Assert.Equal("", (string)detail["ncm"]!);
        Json.HasFields(detail, "ncm", "ean");
    }
}
