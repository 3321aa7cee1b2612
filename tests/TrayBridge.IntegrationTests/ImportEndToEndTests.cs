using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.TestSupport;

namespace TrayBridge.IntegrationTests;

/// <summary>Importar Pedidos end to end: a store of 200 Tray orders mirrored, 50 imported through the gateway — with a
/// double import, duplicate webhooks and a second connector process — into exactly 50 sales orders that match Tray.</summary>
[Collection(nameof(EndToEndSystem))]
public sealed class ImportEndToEndTests(EndToEndFixture fixture)
{
    private const string Tenant = "tenant-import-e2e";
    private const string StoreId = "580001";
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<List<JsonElement>> MirrorAsync(HttpClient erp)
    {
        var rows = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var body = await erp.GetFromJsonAsync<JsonElement>($"api/tray/orders?storeId={StoreId}&pageSize=100&page={page}", Cancel);
            rows.AddRange(body.GetProperty("items").EnumerateArray());
            if (rows.Count >= body.GetProperty("total").GetInt32()) return rows;
        }
    }

    private static async Task<List<JsonElement>> SalesOrdersAsync(HttpClient erp) =>
        (await erp.GetFromJsonAsync<JsonElement>($"api/orders/sales-orders?storeId={StoreId}&pageSize=200", Cancel))
        .GetProperty("items").EnumerateArray().ToList();

    private static decimal Money(JsonElement tray, string name) => decimal.Parse(tray.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Fifty_orders_become_exactly_fifty_sales_orders_matching_Tray_whatever_is_repeated()
    {
        var system = fixture.System;
        using var simulator = system.Client(system.TraySimulator);
        var tray = await (await simulator.PostAsJsonAsync("admin/stores", new { storeId = StoreId, products = 30, orders = 200 }, Cancel))
            .Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var withoutDocument = (await (await simulator.PostAsJsonAsync($"admin/stores/{StoreId}/orders",
            new { status = "A ENVIAR", customer = new { withoutDocument = true } }, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").ToString();
        using var erp = system.Client(system.Gateway, Tenant);
        Assert.Equal(HttpStatusCode.Created, (await erp.PostAsJsonAsync("api/stores", new
        {
            platform = "TrayCommerce", storeId = StoreId, apiAddress = tray.GetProperty("apiAddress").GetString(), code = tray.GetProperty("code").GetString(),
        }, Cancel)).StatusCode);

        var mirror = await Eventually.ReturnsAsync(() => MirrorAsync(erp), rows => rows.Count == 201 && rows.All(r => r.GetProperty("complete").GetBoolean()),
            TimeSpan.FromSeconds(90), "the 201 orders mirrored");
        var chosen = mirror.Where(r => !r.GetProperty("cancelled").GetBoolean()).Select(r => r.GetProperty("trayOrderId").GetString()!)
            .Where(id => id != withoutDocument).Take(49).Append(withoutDocument).ToArray();

        // Everything at once: two imports through the gateway, one through a second connector, three webhooks per order.
        await using var replica = await system.StartConnectorReplicaAsync();
        using var viaReplica = system.Client(replica, Tenant);
        using var anonymous = system.Client(system.Gateway);
        var imports = new[] { erp, erp, viaReplica }.Select(client => client.PostAsJsonAsync("api/tray/orders/import",
            new { storeId = StoreId, trayOrderIds = chosen }, Cancel)).ToList();
        var webhooks = chosen.SelectMany(id => Enumerable.Range(0, 3).Select(_ => anonymous.PostAsync("webhooks/tray", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["seller_id"] = StoreId, ["scope_name"] = "order", ["scope_id"] = id, ["act"] = "update", ["app_code"] = "1" }), Cancel)));
        Assert.All(await Task.WhenAll(imports), r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.All(await Task.WhenAll(webhooks), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        var salesOrders = await Eventually.ReturnsAsync(() => SalesOrdersAsync(erp), o => o.Count >= 50, TimeSpan.FromSeconds(90), "50 sales orders");
        await Eventually.ReturnsAsync(() => MirrorAsync(erp), rows => rows.Count(r => r.GetProperty("situation").GetString() == "Integrado") == 50,
            TimeSpan.FromSeconds(30), "50 rows Integrado");
        Assert.Equal(HttpStatusCode.Accepted, (await erp.PostAsJsonAsync("api/tray/orders/import", new { storeId = StoreId, trayOrderIds = chosen }, Cancel)).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(3), Cancel);
        salesOrders = await SalesOrdersAsync(erp);
        Assert.Equal(50, salesOrders.Count);
        Assert.Equal(chosen.Order(), salesOrders.Select(o => o.GetProperty("trayOrderId").GetString()!).Order());

        var productOfTrayLine = new Dictionary<string, Guid>();
        foreach (var summary in salesOrders)
        {
            var order = await erp.GetFromJsonAsync<JsonElement>($"api/orders/sales-orders/{summary.GetProperty("id").GetGuid()}", Cancel);
            var trayOrder = (await simulator.GetFromJsonAsync<JsonElement>($"admin/stores/{StoreId}/orders/{summary.GetProperty("trayOrderId").GetString()}", Cancel))
                .GetProperty("Order");
            AssertMatches(trayOrder, order, productOfTrayLine);
        }

        // Pendente until the data is fixed, then ready for NF-e.
        var pending = salesOrders.Single(o => o.GetProperty("trayOrderId").GetString() == withoutDocument);
        Assert.StartsWith("Pendente", pending.GetProperty("statusLabel").GetString());
        Assert.Contains("falta CPF/CNPJ", pending.GetProperty("statusLabel").GetString());
        var id = pending.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, (await erp.PutAsJsonAsync($"api/orders/sales-orders/{id}/customer/tax-id", new { taxId = "111.111.111-12" }, Cancel)).StatusCode);
        var fixedOrder = await (await erp.PutAsJsonAsync($"api/orders/sales-orders/{id}/customer/tax-id", new { taxId = "529.982.247-25" }, Cancel))
            .Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.DoesNotContain("falta CPF/CNPJ", fixedOrder.GetProperty("statusLabel").GetString());
        foreach (var item in fixedOrder.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("ncm").ValueKind == JsonValueKind.Null))
            Assert.Equal(HttpStatusCode.OK, (await erp.PutAsJsonAsync($"api/orders/sales-orders/{id}/items/{item.GetProperty("line").GetInt32()}/ncm",
                new { ncm = "6109.10.00" }, Cancel)).StatusCode);
        Assert.Equal("Pronto para faturar", (await erp.GetFromJsonAsync<JsonElement>($"api/orders/sales-orders/{id}", Cancel)).GetProperty("statusLabel").GetString());

        // Cancelled on Tray after import: seen by polling, the sales order can no longer be invoiced.
        Assert.Equal(HttpStatusCode.OK, (await simulator.PostAsync($"admin/stores/{StoreId}/orders/{withoutDocument}/cancel", null, Cancel)).StatusCode);
        await Eventually.ReturnsAsync(() => erp.GetFromJsonAsync<JsonElement>($"api/orders/sales-orders/{id}", Cancel),
            o => o.GetProperty("statusLabel").GetString() == "Cancelado na Tray", TimeSpan.FromSeconds(30), "Cancelado na Tray");

        // Edited on Tray after import: Divergente until imported again, then rebuilt from Tray's new content.
        var edited = salesOrders.First(o => o.GetProperty("trayOrderId").GetString() != withoutDocument);
        var editedId = edited.GetProperty("id").GetGuid();
        var line = (await simulator.GetFromJsonAsync<JsonElement>($"admin/stores/{StoreId}/orders/{edited.GetProperty("trayOrderId").GetString()}", Cancel))
            .GetProperty("Order").GetProperty("ProductsSold")[0].GetProperty("ProductsSold");
        var quantity = Money(line, "quantity") + 2;
        var variant = line.GetProperty("variant_id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await simulator.PostAsJsonAsync($"admin/stores/{StoreId}/orders/{edited.GetProperty("trayOrderId").GetString()}/items",
            new { productId = long.Parse(line.GetProperty("product_id").GetString()!), variantId = variant is "0" or "" ? (long?)null : long.Parse(variant!), quantity },
            Cancel)).StatusCode);
        await Eventually.ReturnsAsync(() => erp.GetFromJsonAsync<JsonElement>($"api/orders/sales-orders/{editedId}", Cancel),
            o => o.GetProperty("statusLabel").GetString() == "Divergente", TimeSpan.FromSeconds(30), "Divergente");
        Assert.Equal(HttpStatusCode.Accepted, (await erp.PostAsJsonAsync("api/tray/orders/import",
            new { storeId = StoreId, trayOrderIds = new[] { edited.GetProperty("trayOrderId").GetString() } }, Cancel)).StatusCode);
        var rebuilt = await Eventually.ReturnsAsync(() => erp.GetFromJsonAsync<JsonElement>($"api/orders/sales-orders/{editedId}", Cancel),
            o => o.GetProperty("statusLabel").GetString() != "Divergente", TimeSpan.FromSeconds(30), "the divergent order imported again");
        Assert.Equal(quantity, rebuilt.GetProperty("items")[0].GetProperty("quantity").GetDecimal());
        Assert.Equal(50, (await SalesOrdersAsync(erp)).Count);

        // ERP stock: the products were created by the import with 0, so each now stands at minus what the live orders
        // sold — taken once per order whatever was repeated, the edit's difference added, the cancelled order given back.
        var sold = new Dictionary<Guid, decimal>();
        foreach (var summary in (await SalesOrdersAsync(erp)).Where(o => o.GetProperty("statusLabel").GetString() != "Cancelado na Tray"))
            foreach (var item in (await erp.GetFromJsonAsync<JsonElement>($"api/orders/sales-orders/{summary.GetProperty("id").GetGuid()}", Cancel))
                         .GetProperty("items").EnumerateArray())
                sold[item.GetProperty("productId").GetGuid()] = sold.GetValueOrDefault(item.GetProperty("productId").GetGuid()) + item.GetProperty("quantity").GetDecimal();
        foreach (var (productId, total) in sold)
            await Eventually.ReturnsAsync(() => erp.GetFromJsonAsync<JsonElement>($"api/catalog/products/{productId}", Cancel),
                p => p.GetProperty("stock").GetDecimal() == -total, TimeSpan.FromSeconds(20), $"product {productId} at stock {-total}");
    }

    /// <summary>Items, customer, invoice address (with its IBGE code) and total, field by field; one ERP product per Tray line.</summary>
    private static void AssertMatches(JsonElement tray, JsonElement order, Dictionary<string, Guid> productOfTrayLine)
    {
        Assert.Equal(Money(tray, "total"), order.GetProperty("totals").GetProperty("total").GetDecimal());
        var customer = tray.GetProperty("Customer");
        Assert.Equal(customer.GetProperty("name").GetString(), order.GetProperty("customer").GetProperty("name").GetString());
        var delivery = order.GetProperty("customer").GetProperty("deliveryAddress");
        var trayDelivery = customer.GetProperty("CustomerAddresses").EnumerateArray().Select(a => a.GetProperty("CustomerAddress"))
            .Single(a => a.GetProperty("id").GetString() == tray.GetProperty("CustomerAddress").GetProperty("id").GetString());
        Assert.Equal(trayDelivery.GetProperty("city").GetString(), delivery.GetProperty("city").GetString());
        Assert.Equal(trayDelivery.GetProperty("state").GetString(), delivery.GetProperty("state").GetString());
        Assert.Equal(trayDelivery.GetProperty("zip_code").GetString()!.Replace("-", ""), delivery.GetProperty("zipCode").GetString());
        Assert.Matches("^[0-9]{7}$", delivery.GetProperty("ibgeCode").GetString());
        var lines = tray.GetProperty("ProductsSold").EnumerateArray().Select(p => p.GetProperty("ProductsSold")).ToList();
        var items = order.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(lines.Count, items.Count);
        foreach (var (line, item) in lines.Zip(items))
        {
            Assert.Equal(line.GetProperty("reference").GetString(), item.GetProperty("sku").GetString());
            Assert.Equal(Money(line, "quantity"), item.GetProperty("quantity").GetDecimal());
            Assert.Equal(Money(line, "price"), item.GetProperty("unitPrice").GetDecimal());
            var key = $"{line.GetProperty("product_id").GetString()}/{line.GetProperty("variant_id").GetString()}";
            var productId = item.GetProperty("productId").GetGuid();
            Assert.Equal(productOfTrayLine.TryAdd(key, productId) ? productId : productOfTrayLine[key], productId);
        }
    }
}
