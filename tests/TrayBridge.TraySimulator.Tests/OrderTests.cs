using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Settings;

namespace TrayBridge.TraySimulator.Tests;

public sealed class OrderTests
{
    [Fact]
    public async Task Seeded_orders_list_with_ids_only_relations_and_filter_by_status_text_and_modified_range()
    {
        await using var tray = await TraySession.StartAsync(products: 6, orders: 12);
        await tray.AuthorizeAsync();

        var list = await tray.GetJsonAsync("orders", "limit=50");
        Assert.Equal(12, (int)list["paging"]!["total"]!);
        var order = list["Orders"]![0]!["Order"]!.AsObject();
        Json.HasFields(order, "status", "id", "date", "customer_id", "partial_total", "total", "point_sale", "modified", "has_invoice",
            "OrderStatus", "ProductsSold", "OrderInvoice", "MarketplaceOrder", "MlOrder");
        Json.AllScalarsAreStrings(order);
        Assert.All(order["ProductsSold"]!.AsArray(), item => Assert.Equal(["id"], item!.AsObject().Select(p => p.Key)));

        var status = (string)order["status"]!;
        var byStatus = await tray.GetJsonAsync("orders", $"status={Uri.EscapeDataString(status)}&limit=50");
        Assert.All(byStatus["Orders"]!.AsArray(), o => Assert.Equal(status, (string)o!["Order"]!["status"]!));
        var today = await tray.GetJsonAsync("orders", "modified=2026-03-02,2026-03-02&limit=50");
        var all = await tray.GetJsonAsync("orders", "modified=2026-02-01,2026-03-02&limit=50");
        Assert.Equal(12, (int)all["paging"]!["total"]!);
        Assert.True((int)today["paging"]!["total"]! < 12);
    }

    [Fact]
    public async Task A_marketplace_order_complete_has_customer_addresses_items_and_the_marketplace_documents()
    {
        await using var tray = await TraySession.StartAsync(products: 3);
        await tray.AuthorizeAsync();
        var id = tray.Host.Admin.CreateOrder(tray.Store.StoreId, "A ENVIAR", "Mercado Livre");

        var complete = await tray.GetJsonAsync($"orders/{id}/complete");

        Json.HasFields(complete, "Order", "Extensions", "User", "Confirmation");
        var order = complete["Order"]!.AsObject();
        Json.AllScalarsAreStrings(order);
        Assert.Equal("MERCADO LIVRE", (string)order["point_sale"]!);
        var customer = order["Customer"]!.AsObject();
        Json.HasFields(customer, "cpf", "cnpj", "type", "CustomerAddresses");
        Assert.True(customer["cpf"]!.ToString().Length == 11 || customer["cnpj"]!.ToString().Length == 18);
        var address = customer["CustomerAddresses"]![0]!["CustomerAddress"]!.AsObject();
        Assert.Matches(@"^\d{5}-\d{3}$", (string)address["zip_code"]!);
        var item = order["ProductsSold"]![0]!["ProductsSold"]!.AsObject();
        Json.HasFields(item, "product_id", "variant_id", "name", "reference", "ean", "quantity", "price", "original_price", "Sku");
        var marketplace = order["MarketplaceOrder"]![0]!["MarketplaceOrder"]!;
        Assert.Equal("Mercado Livre", (string)marketplace["marketplace_name"]!);
        Assert.Equal("03.007.331/0001-41", (string)marketplace["marketplace_document"]!);
        Assert.Equal("10.573.521/0001-91", (string)marketplace["payment_responsible_document"]!);
        Assert.Single(order["MlOrder"]!.AsArray());
        Assert.Equal(order["total"]!.ToString(), (decimal.Parse((string)order["partial_total"]!, System.Globalization.CultureInfo.InvariantCulture)
            + decimal.Parse((string)order["shipment_value"]!, System.Globalization.CultureInfo.InvariantCulture)).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_order_takes_stock_when_created_and_a_cancellation_gives_it_back()
    {
        await using var tray = await TraySession.StartAsync();
        await tray.AuthorizeAsync();
        var product = await tray.CreateAsync("products", new JsonObject { ["Product"] = new JsonObject { ["name"] = "Caneca", ["price"] = "20", ["stock"] = "10" } });
        var statuses = await tray.GetJsonAsync("orders/statuses");
        var cancelled = statuses["OrderStatuses"]!.AsArray().Select(s => s!["OrderStatus"]!).Single(s => (string)s["status"]! == "CANCELADO");

        var order = await tray.CreateAsync("orders", OrderBody(product, quantity: 3));
        Assert.Equal("7", (string)(await tray.GetJsonAsync($"products/{product}"))["Product"]!["stock"]!);

        var saved = await tray.PutJsonAsync($"orders/{order}", new JsonObject { ["Order"] = new JsonObject { ["status_id"] = (string)cancelled["id"]! } });
        Assert.Equal(200, (int)saved.StatusCode);
        Assert.Equal("10", (string)(await tray.GetJsonAsync($"products/{product}"))["Product"]!["stock"]!);
        Assert.Equal("CANCELADO", (string)(await tray.GetJsonAsync($"orders/{order}"))["Order"]!["status"]!);
    }

    [Fact]
    public async Task An_order_keeps_the_tracking_a_PUT_gives_it_and_shows_it_in_its_detail_complete_and_list()
    {
        await using var tray = await TraySession.StartAsync(orders: 1);
        await tray.AuthorizeAsync();
        var order = (string)(await tray.GetJsonAsync("orders"))["Orders"]![0]!["Order"]!["id"]!;

        var saved = await tray.PutJsonAsync($"orders/{order}", new JsonObject
        {
            ["Order"] = new JsonObject
            {
                ["status_id"] = "17", ["sending_code"] = "QB123456789BR", ["sending_date"] = "2026-03-02",
                ["tracking_url"] = "https://rastreamento.correios.com.br/app/index.php?objeto=QB123456789BR",
            },
        });
        Assert.Equal(200, (int)saved.StatusCode);

        foreach (var read in new[] { (await tray.GetJsonAsync($"orders/{order}"))["Order"]!, (await tray.GetJsonAsync($"orders/{order}/complete"))["Order"]! })
        {
            Assert.Equal("QB123456789BR", (string)read["sending_code"]!);
            Assert.Equal("2026-03-02", (string)read["sending_date"]!);
            Assert.Equal("https://rastreamento.correios.com.br/app/index.php?objeto=QB123456789BR", (string)read["tracking_url"]!);
            Assert.Equal("17", (string)read["OrderStatus"]!["id"]!);
        }
        var listed = (await tray.GetJsonAsync("orders", $"id={order}"))["Orders"]![0]!["Order"]!;
        Assert.Equal("QB123456789BR", (string)listed["sending_code"]!);
        Assert.Equal("1", (string)listed["has_shipment"]!);
    }

    [Fact]
    public async Task With_stock_taken_on_payment_an_unpaid_order_leaves_stock_until_it_is_approved()
    {
        await using var tray = await TraySession.StartAsync(s => s.StockDecrement = StockMoment.OnPayment);
        await tray.AuthorizeAsync();
        var product = await tray.CreateAsync("products", new JsonObject { ["Product"] = new JsonObject { ["name"] = "Caneca", ["price"] = "20", ["stock"] = "10" } });

        var order = await tray.CreateAsync("orders", OrderBody(product, quantity: 2));
        Assert.Equal("10", (string)(await tray.GetJsonAsync($"products/{product}"))["Product"]!["stock"]!);

        await tray.PutJsonAsync($"orders/{order}", new JsonObject { ["Order"] = new JsonObject { ["status_id"] = "16" } });
        Assert.Equal("8", (string)(await tray.GetJsonAsync($"products/{product}"))["Product"]!["stock"]!);
        Assert.Equal("1", (string)(await tray.GetJsonAsync($"orders/{order}"))["Order"]!["has_payment"]!);
    }

    [Fact]
    public async Task A_created_customer_lists_with_address_ids_and_reads_back_in_full()
    {
        await using var tray = await TraySession.StartAsync();
        await tray.AuthorizeAsync();

        var id = await tray.CreateAsync("customers", new JsonObject
        {
            ["Customer"] = new JsonObject
            {
                ["name"] = "Empresa Exemplo Ltda", ["type"] = "1", ["cnpj"] = "11.222.333/0001-81", ["email"] = "compras@exemplo.com.br",
                ["CustomerAddress"] = new JsonArray(new JsonObject { ["address"] = "Rua Sete", ["number"] = "7", ["neighborhood"] = "Centro", ["city"] = "Marília", ["state"] = "SP", ["zip_code"] = "17500-000", ["type"] = "1" }),
            },
        });

        var listed = (await tray.GetJsonAsync("customers", "cnpj=11.222.333/0001-81"))["Customers"]![0]!["Customer"]!.AsObject();
        Json.AllScalarsAreStrings(listed);
        Assert.Single(listed["CustomerAddress"]!.AsArray());
        var detail = (await tray.GetJsonAsync($"customers/{id}"))["Customer"]!.AsObject();
        Assert.Equal(("1", "17500-000", "Marília"), ((string)detail["type"]!, (string)detail["zip_code"]!, (string)detail["city"]!));
        var addresses = await tray.GetJsonAsync("customers/addresses", $"customer_id={id}");
        Assert.Equal("Rua Sete", (string)addresses["CustomerAddresses"]![0]!["CustomerAddress"]!["address"]!);
    }

    internal static JsonObject OrderBody(string productId, int quantity) => new()
    {
        ["Order"] = new JsonObject
        {
            ["point_sale"] = "PARTICULAR", ["shipment"] = "Sedex", ["shipment_value"] = "15.00", ["payment_form"] = "Pix",
            ["Customer"] = new JsonObject
            {
                ["type"] = "0", ["name"] = "Maria da Silva", ["cpf"] = "12442673177", ["email"] = "maria@example.com",
                ["CustomerAddress"] = new JsonArray(new JsonObject { ["address"] = "Av. Paulista", ["number"] = "1000", ["neighborhood"] = "Bela Vista", ["city"] = "São Paulo", ["state"] = "SP", ["zip_code"] = "01310-100", ["type"] = "1" }),
            },
            ["ProductsSold"] = new JsonArray(new JsonObject { ["product_id"] = productId, ["price"] = "20.00", ["quantity"] = quantity }),
        },
    };
}
