using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.TestSupport;

namespace TrayBridge.IntegrationTests;

/// <summary>Issue 12 §5: the broker restarted in the middle of a 200-order import, and the database restarted in the middle
/// of an NF-e batch. At the end the counts are exact: a sales order per Tray order and no other, a note per invoiced order
/// numbered without a gap, one invoice on Tray per note — nothing lost, nothing twice. Both servers are the fixture's own.</summary>
[Collection(nameof(ServerRestartTests))]
public sealed class ServerRestartTests(ServerRestartFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RabbitMQ_restarted_in_the_middle_of_a_200_order_import_leaves_exactly_one_sales_order_per_Tray_order()
    {
        var system = fixture.System;
        using var driver = await ImportDriver.ConnectAsync(system, "tenant-restart-import", "596001", products: 30, orders: 280,
            mirrorTimeout: TimeSpan.FromSeconds(90));
        var chosen = (await driver.MirrorAsync()).Where(r => !r.GetProperty("cancelled").GetBoolean())
            .Select(r => r.GetProperty("trayOrderId").GetString()!).Take(200).ToArray();
        Assert.Equal(200, chosen.Length);

        var accepted = await driver.Erp.PostAsJsonAsync("api/tray/orders/import", new { storeId = driver.StoreId, trayOrderIds = chosen }, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var importId = (await accepted.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("importId").GetGuid();
        // The broker goes down once the first sales orders exist, while most of the import is still on its way.
        var before = await Eventually.ReturnsAsync(driver.SalesOrdersAsync, orders => orders.Count > 0, TimeSpan.FromSeconds(60), "the first sales order");
        await fixture.Servers.Rabbit.StopServerAsync();
        await Task.Delay(TimeSpan.FromSeconds(2), Cancel);
        await fixture.Servers.Rabbit.StartServerAsync();
        Assert.True(before.Count < 200, $"the restart came after the import had ended ({before.Count} sales orders)");

        var progress = await Eventually.ReturnsAsync(() => driver.Erp.GetFromJsonAsync<JsonElement>($"api/tray/orders/imports/{importId}", Cancel),
            p => p.GetProperty("finished").GetBoolean(), TimeSpan.FromSeconds(120), "the import finished");
        Assert.Equal((200, 200, 0), (progress.GetProperty("total").GetInt32(), progress.GetProperty("integrated").GetInt32(), progress.GetProperty("failed").GetInt32()));
        var salesOrders = await AllSalesOrdersAsync(driver);
        Assert.Equal(chosen.Order(), salesOrders.Select(o => o.GetProperty("trayOrderId").GetString()!).Order());

        // Nothing applied twice: each product the import created (at stock 0) stands at minus what the orders sold, once each.
        var sold = new Dictionary<Guid, decimal>();
        foreach (var summary in salesOrders)
            foreach (var item in (await driver.Erp.GetFromJsonAsync<JsonElement>($"api/orders/sales-orders/{summary.GetProperty("id").GetGuid()}", Cancel))
                         .GetProperty("items").EnumerateArray())
                sold[item.GetProperty("productId").GetGuid()] = sold.GetValueOrDefault(item.GetProperty("productId").GetGuid()) + item.GetProperty("quantity").GetDecimal();
        foreach (var (productId, total) in sold)
            await Eventually.ReturnsAsync(() => driver.Erp.GetFromJsonAsync<JsonElement>($"api/catalog/products/{productId}", Cancel),
                p => p.GetProperty("stock").GetDecimal() == -total, TimeSpan.FromSeconds(30), $"product {productId} at stock {-total}");
        Assert.Equal(200, (await AllSalesOrdersAsync(driver)).Count);
    }

    [Fact]
    public async Task PostgreSQL_restarted_in_the_middle_of_an_NFe_batch_leaves_one_note_per_order_without_a_gap_and_one_Tray_invoice_per_note()
    {
        var system = fixture.System;
        using var driver = await ImportDriver.ConnectAsync(system, "tenant-restart-nfe", "596002", products: 20, orders: 70);
        await CreateInvoicedStatusAsync(driver);
        await InvoicingSteps.ConfigureEmitterAsync(driver.Erp);
        var trayOrders = (await driver.MirrorAsync()).Where(r => !r.GetProperty("cancelled").GetBoolean())
            .Select(r => r.GetProperty("trayOrderId").GetString()!).ToArray();
        await driver.ImportAsync(trayOrders);
        var imported = await Eventually.ReturnsAsync(driver.SalesOrdersAsync, orders => orders.Count == trayOrders.Length, TimeSpan.FromSeconds(60),
            $"{trayOrders.Length} sales orders");
        foreach (var pending in imported.Where(InvoicingSteps.LacksOnlyNcm))
            await InvoicingSteps.CompleteNcmsAsync(driver.Erp, pending.GetProperty("id").GetGuid());
        var ready = (await driver.SalesOrdersAsync()).Where(o => o.GetProperty("situation").GetString() == "ready")
            .Select(o => o.GetProperty("id").GetGuid()).ToHashSet();
        Assert.True(ready.Count >= 40, $"only {ready.Count} sales orders ready");

        var response = await driver.Erp.PostAsJsonAsync("api/invoicing/batches", new { salesOrderIds = ready }, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Cancel));
        var batchId = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        // The database goes down (killed: recovery from the WAL at start) once the first note is numbered.
        var before = await Eventually.ReturnsAsync(() => BatchAsync(driver, batchId), b => Count(b, "issued") + Count(b, "authorized") > 0,
            TimeSpan.FromSeconds(60), "the first note numbered");
        await fixture.Servers.Postgres.StopServerAsync("immediate");
        await Task.Delay(TimeSpan.FromSeconds(2), Cancel);
        await fixture.Servers.Postgres.StartServerAsync();
        Assert.False(before.GetProperty("done").GetBoolean(), "the restart came after the batch had ended");

        var batch = await Eventually.ReturnsAsync(() => BatchAsync(driver, batchId), b => b.GetProperty("done").GetBoolean(), TimeSpan.FromSeconds(120),
            "the batch done");
        Assert.True(Count(batch, "authorized") == ready.Count, batch.ToString());
        var notes = (await driver.Erp.GetFromJsonAsync<JsonElement>($"api/invoicing/nfes?pageSize=200", Cancel)).GetProperty("items").EnumerateArray().ToList();
        Assert.All(notes, n => Assert.Equal("Authorized", n.GetProperty("status").GetString()));
        Assert.Equal(ready.Order(), notes.Select(n => n.GetProperty("salesOrderId").GetGuid()).Order());
        Assert.Equal(Enumerable.Range(1, ready.Count), notes.Select(n => n.GetProperty("number").GetInt32()).Order());
        // SEFAZ authorized each note once, under its key, and nothing else of this emitter.
        using var sefaz = system.Client(system.SefazSimulator);
        var authorized = (await sefaz.GetFromJsonAsync<JsonElement>("admin/notes", Cancel)).EnumerateArray()
            .Where(n => n.GetProperty("authorized").GetBoolean()).Select(n => n.GetProperty("key").GetString()!).ToList();
        Assert.Equal(notes.Select(n => n.GetProperty("key").GetString()!).Order(), authorized.Order());

        // Each invoiced order is Faturado, and its Tray order holds exactly one invoice: this note's.
        await Eventually.ReturnsAsync(driver.SalesOrdersAsync, orders => orders.Count(o => o.GetProperty("situation").GetString() == "invoiced") == ready.Count,
            TimeSpan.FromSeconds(60), $"{ready.Count} sales orders Faturado");
        await Eventually.ReturnsAsync(async () => (await driver.Erp.GetFromJsonAsync<JsonElement>($"api/tray/invoices?storeId={driver.StoreId}", Cancel))
                .GetProperty("items").EnumerateArray().ToList(),
            list => list.Count == ready.Count && list.All(d => d.GetProperty("state").GetString() == "Enviada"), TimeSpan.FromSeconds(90), "every invoice sent to Tray");
        foreach (var trayOrderId in trayOrders)
        {
            var invoices = (await driver.TrayOrderAsync(trayOrderId)).GetProperty("OrderInvoice").EnumerateArray()
                .Select(i => i.GetProperty("OrderInvoice").GetProperty("key").GetString()).ToList();
            var note = notes.SingleOrDefault(n => n.GetProperty("trayOrderId").GetString() == trayOrderId);
            Assert.Equal(note.ValueKind == JsonValueKind.Undefined ? [] : [note.GetProperty("key").GetString()], invoices);
        }
    }

    private static async Task<List<JsonElement>> AllSalesOrdersAsync(ImportDriver driver)
    {
        var rows = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var body = await driver.Erp.GetFromJsonAsync<JsonElement>($"api/orders/sales-orders?storeId={driver.StoreId}&pageSize=100&page={page}", Cancel);
            rows.AddRange(body.GetProperty("items").EnumerateArray());
            if (rows.Count >= body.GetProperty("total").GetInt32()) return rows;
        }
    }

    private static Task<JsonElement> BatchAsync(ImportDriver driver, Guid batchId) =>
        driver.Erp.GetFromJsonAsync<JsonElement>($"api/invoicing/batches/{batchId}", Cancel);

    private static int Count(JsonElement batch, string state) => batch.GetProperty("counts").GetProperty(state).GetInt32();

    /// <summary>The merchant's "FATURADO" status on Tray, recognised by the connector as the invoiced one.</summary>
    private static async Task CreateInvoicedStatusAsync(ImportDriver driver)
    {
        var token = (await driver.Tray.GetFromJsonAsync<JsonElement>($"admin/stores/{driver.StoreId}/secrets", Cancel)).GetProperty("accessTokens").EnumerateArray().Last().GetString();
        var created = await driver.Tray.PostAsJsonAsync($"{driver.StoreId}/web_api/orders/statuses?access_token={token}",
            new Dictionary<string, object> { ["OrderStatus"] = new { status = "FATURADO" } }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await driver.Erp.PostAsJsonAsync("api/tray/orders/statuses/refresh", new { storeId = driver.StoreId }, Cancel)).StatusCode);
    }
}

/// <summary>The restart tests run one after the other on one pair of private servers and one system.</summary>
[CollectionDefinition(nameof(ServerRestartTests))]
public sealed class ServerRestartCollection : ICollectionFixture<ServerRestartFixture>;
