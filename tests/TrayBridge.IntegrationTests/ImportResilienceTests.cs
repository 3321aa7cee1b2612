using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.TestSupport;

namespace TrayBridge.IntegrationTests;

/// <summary>Importar Pedidos when things go wrong: the Orders service killed mid-import, totals that do not reconcile, a
/// returning buyer, malformed webhooks and another tenant looking. Each test has its own store and tenant.</summary>
public sealed class ImportResilienceTests(ImportResilienceTests.Fixture fixture) : IClassFixture<ImportResilienceTests.Fixture>
{
    /// <summary>Tray's budget at 20 calls a second: seeds mirror in seconds, and an import of 50 is paced slowly enough to
    /// be killed in the middle of.</summary>
    public sealed class Fixture : SystemFixture
    {
        protected override Task<TrayBridgeSystem> StartAsync() => TrayBridgeSystem.StartAsync(TimeSpan.FromSeconds(1), 20);
    }

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Id(JsonElement row) => row.GetProperty("trayOrderId").GetString()!;
    private static string Situation(JsonElement row) => row.GetProperty("situation").GetString()!;

    [Fact]
    public async Task Orders_killed_in_the_middle_of_a_fifty_order_import_and_restarted_still_makes_each_sales_order_once()
    {
        var system = fixture.System;
        using var store = await ImportDriver.ConnectAsync(system, "tenant-resilience-kill", "581001", products: 20, orders: 80);
        var chosen = (await store.MirrorAsync()).Where(r => !r.GetProperty("cancelled").GetBoolean()).Select(Id).Take(50).ToArray();
        Assert.Equal(50, chosen.Length);

        await store.ImportAsync(chosen);
        // The first sales order is made: the rest are still being read from Tray at its pace.
        var atKill = await Eventually.ReturnsAsync(async () => (await store.MirrorAsync()).Count(r => Situation(r) == "Integrado"),
            n => n >= 1, Patience, "a first order imported");
        await system.Orders.KillAsync();
        TestContext.Current.TestOutputHelper?.WriteLine($"Orders killed with {atKill} of 50 rows Integrado.");
        try
        {
            Assert.InRange(atKill, 1, 49);
            await Task.Delay(TimeSpan.FromSeconds(3), Cancel); // the connector keeps publishing to a queue no one reads
        }
        finally
        {
            await system.Orders.StartAsync();
        }

        await Eventually.ReturnsAsync(store.SalesOrdersAsync, o => o.Count >= 50, Patience, "50 sales orders");
        await Eventually.ReturnsAsync(store.MirrorAsync, rows => rows.Count(r => Situation(r) == "Integrado") == 50, Patience, "50 rows Integrado");
        await Task.Delay(TimeSpan.FromSeconds(3), Cancel); // redelivered copies would land now
        var salesOrders = await store.SalesOrdersAsync();
        Assert.Equal(chosen.Order(), salesOrders.Select(o => o.GetProperty("trayOrderId").GetString()!).Order());
        Assert.Equal(chosen.Order(), (await store.MirrorAsync()).Where(r => Situation(r) == "Integrado").Select(Id).Order());
    }

    [Fact]
    public async Task Totals_that_do_not_reconcile_show_Erro_with_both_numbers_make_no_sales_order_and_stay_retryable()
    {
        using var store = await ImportDriver.ConnectAsync(fixture.System, "tenant-resilience-totals", "581002", products: 5);
        // A discount in Tray's total that no field of the order shows: no reading of the order reconciles it.
        var id = await store.CreateOrderAsync(new { unlistedDiscount = 7.50m });
        await store.MirroredAsync(1);
        var trayTotal = decimal.Parse((await store.TrayOrderAsync(id)).GetProperty("total").GetString()!, CultureInfo.InvariantCulture);
        Task<int> AttemptsAsync() => store.ScalarAsync<int>(
            "select (data->>'Attempts')::int from orders.mt_doc_importfailure where tenant_id = $1 and id = $2", "tenant-resilience-totals", $"581002:{id}");

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            // The second import is of the very same order: it must be read and refused again, not dropped or skipped.
            await store.ImportAsync(id);
            // At least, then exactly: an attempt too many (a redelivery read again) fails here, not as a timeout.
            Assert.Equal(attempt, await Eventually.ReturnsAsync(AttemptsAsync, n => n >= attempt, Patience, $"import attempt {attempt} refused"));
            var row = await Eventually.ReturnsAsync(() => store.RowAsync(id), r => Situation(r) == "Erro", Patience, "the row in Erro");
            var reason = row.GetProperty("reason").GetString()!;
            Assert.Contains(Brl(trayTotal), reason);
            Assert.Contains(Brl(trayTotal + 7.50m), reason); // what we computed: Tray's total without the discount it does not show
            Assert.Null(row.GetProperty("salesOrderId").GetString());
            Assert.Empty(await store.SalesOrdersAsync());
        }
    }

    [Fact]
    public async Task Orders_with_progressive_discounts_in_Tray_total_become_sales_orders_with_them_applied_even_when_only_the_list_shows_them()
    {
        using var store = await ImportDriver.ConnectAsync(fixture.System, "tenant-resilience-progressive", "581005", products: 5);
        var both = await store.CreateOrderAsync(new { progressiveDiscount = 7.50m, shippingProgressiveDiscount = 5.00m });
        var listOnly = await store.CreateOrderAsync(new { progressiveDiscount = 3.10m });
        await store.MirroredAsync(2);
        // DEV21 shows the progressive discounts on the order list only: the connector takes them from the list row.
        Assert.Equal(HttpStatusCode.OK, (await store.Tray.PutAsJsonAsync("admin/settings", new { progressiveDiscountsOnListOnly = true }, Cancel)).StatusCode);
        try
        {
            Assert.True((await store.Tray.GetFromJsonAsync<JsonElement>("admin/settings", Cancel)).GetProperty("progressiveDiscountsOnListOnly").GetBoolean());
            await store.ImportAsync(both, listOnly);
            await Eventually.ReturnsAsync(store.SalesOrdersAsync, o => o.Count == 2, Patience, "2 sales orders");
        }
        finally
        {
            await store.Tray.PutAsJsonAsync("admin/settings", new { progressiveDiscountsOnListOnly = false }, Cancel);
        }

        foreach (var (id, onItems, onFreight) in new[] { (both, 7.50m, 5.00m), (listOnly, 3.10m, 0m) })
        {
            var tray = await store.TrayOrderAsync(id);
            decimal Money(string name) => decimal.Parse(tray.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);
            var summary = (await store.SalesOrdersAsync()).Single(o => o.GetProperty("trayOrderId").GetString() == id);
            var detail = await store.Erp.GetFromJsonAsync<JsonElement>($"api/orders/sales-orders/{summary.GetProperty("id").GetString()}", Cancel);
            var totals = detail.GetProperty("totals");
            decimal Total(string name) => totals.GetProperty(name).GetDecimal();
            var coupon = tray.TryGetProperty("coupon", out var c) && c.ValueKind == JsonValueKind.Object
                ? decimal.Parse(c.GetProperty("discount").GetString()!, CultureInfo.InvariantCulture) : 0m;
            var rate = Money("payment_method_rate");

            Assert.Equal(Money("partial_total"), Total("items"));
            Assert.Equal(Money("discount") + coupon + Math.Max(-rate, 0) + onItems, Total("discount"));
            Assert.Equal(Money("shipment_value") - onFreight, Total("freight"));
            Assert.Equal(Money("total"), Total("total"));
            var items = detail.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(Total("discount"), items.Sum(i => i.GetProperty("discount").GetDecimal()));
            Assert.Equal(Total("freight"), items.Sum(i => i.GetProperty("freight").GetDecimal()));
            Assert.Equal("Integrado", Situation(await Eventually.ReturnsAsync(() => store.RowAsync(id), r => Situation(r) == "Integrado", Patience, "Integrado")));
        }
    }

    [Fact]
    public async Task Two_orders_by_one_buyer_make_one_customer_found_by_CPF_formatted_or_not_and_by_name_without_accents()
    {
        using var store = await ImportDriver.ConnectAsync(fixture.System, "tenant-resilience-customer", "581003", products: 5);
        var first = await store.CreateOrderAsync(new { customer = new { company = false, name = "Conceição Araújo" } });
        var firstOrder = await store.TrayOrderAsync(first);
        var buyer = firstOrder.GetProperty("Customer");
        var second = await store.CreateOrderAsync(new { customerId = long.Parse(firstOrder.GetProperty("customer_id").GetString()!) });
        await store.MirroredAsync(2);

        await store.ImportAsync(first, second);
        await Eventually.ReturnsAsync(store.SalesOrdersAsync, o => o.Count == 2, Patience, "2 sales orders");

        var cpf = buyer.GetProperty("cpf").GetString()!;
        var customer = Assert.Single(await CustomersAsync(store.Erp, $"search={cpf}"));
        Assert.Equal((cpf, "Conceição Araújo"), (customer.GetProperty("taxId").GetString(), customer.GetProperty("name").GetString()));
        var customerId = customer.GetProperty("id").GetString()!;
        foreach (var search in new[] { $"{cpf[..3]}.{cpf[3..6]}.{cpf[6..9]}-{cpf[9..]}", "CONCEICAO araujo", "conceição", "araújo" })
            Assert.Equal(customerId, Assert.Single(await CustomersAsync(store.Erp, $"search={Uri.EscapeDataString(search)}")).GetProperty("id").GetString());
        Assert.Empty(await CustomersAsync(store.Erp, "search=conceicao%20silva"));
        Assert.Single(await CustomersAsync(store.Erp, ""));
        var read = await store.Erp.GetFromJsonAsync<JsonElement>($"api/orders/customers/{Uri.EscapeDataString(customerId)}", Cancel);
        Assert.Equal("Conceição Araújo", read.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Malformed_webhooks_get_200_and_import_nothing_and_another_tenant_sees_none_of_the_orders_or_customers()
    {
        var system = fixture.System;
        using var store = await ImportDriver.ConnectAsync(system, "tenant-resilience-a", "581004", products: 5);
        var imported = await store.CreateOrderAsync(new { customer = new { company = false } });
        var left = await store.CreateOrderAsync(new { });
        await store.MirroredAsync(2);

        using var tray = system.Client(system.Gateway);
        Assert.Equal(HttpStatusCode.OK, (await tray.PostAsync("webhooks/tray", new StringContent("{\"seller_id\": 581004, scope", null, "application/json"), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tray.PostAsync("webhooks/tray", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["seller_id"] = "581004", ["scope_name"] = "order", ["act"] = "update", ["app_code"] = "1" }), Cancel)).StatusCode);
        Assert.Equal(2L, await store.ScalarAsync<long>("select sum(received_count) from tray_connector.webhook_inbox where status = 'ignored'"));
        Assert.Equal(0L, await store.ScalarAsync<long>("select count(*) from tray_connector.webhook_inbox where seller_id = '581004'"));
        await Task.Delay(TimeSpan.FromSeconds(2), Cancel);
        Assert.Empty(await store.SalesOrdersAsync());
        Assert.All(await store.MirrorAsync(), r => Assert.Equal("Não integrado", Situation(r)));

        await store.ImportAsync(imported);
        var salesOrder = Assert.Single(await Eventually.ReturnsAsync(store.SalesOrdersAsync, o => o.Count == 1, Patience, "the sales order"));
        var customerId = Assert.Single(await CustomersAsync(store.Erp, "")).GetProperty("id").GetString()!;
        Assert.Equal("Não integrado", Situation(await store.RowAsync(left)));

        using var other = system.Client(system.Gateway, "tenant-resilience-b");
        Assert.Empty((await other.GetFromJsonAsync<JsonElement>("api/orders/sales-orders?storeId=581004", Cancel)).GetProperty("items").EnumerateArray());
        Assert.Empty((await other.GetFromJsonAsync<JsonElement>("api/orders/sales-orders", Cancel)).GetProperty("items").EnumerateArray());
        Assert.Empty(await CustomersAsync(other, ""));
        Assert.Empty(await CustomersAsync(other, "search=" + Uri.EscapeDataString(salesOrder.GetProperty("customer").GetString()!)));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"api/orders/sales-orders/{salesOrder.GetProperty("id").GetGuid()}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"api/orders/customers/{Uri.EscapeDataString(customerId)}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("api/tray/orders?storeId=581004", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await store.Erp.GetAsync($"api/orders/customers/{Uri.EscapeDataString(customerId)}", Cancel)).StatusCode);
        foreach (var bad in new[] { "page=0", "pageSize=201", "search=" + new string('a', 101) })
        {
            var response = await store.Erp.GetAsync($"api/orders/customers?{bad}", Cancel);
            Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        }
    }

    private static async Task<List<JsonElement>> CustomersAsync(HttpClient erp, string query) =>
        (await erp.GetFromJsonAsync<JsonElement>($"api/orders/customers?{query}", Cancel)).GetProperty("items").EnumerateArray().ToList();

    /// <summary>Money as the Orders service writes it in a reason: "R$ 1.234,56".</summary>
    private static string Brl(decimal value) =>
        "R$ " + value.ToString("N2", new NumberFormatInfo { NumberDecimalSeparator = ",", NumberGroupSeparator = "." });
}
