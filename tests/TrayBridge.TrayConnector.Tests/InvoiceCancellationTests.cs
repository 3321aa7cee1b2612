using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.Contracts.Invoicing;
using TrayBridge.Contracts.Orders;
using TrayBridge.TestSupport;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>After the NF-e (issue 13), against the Tray simulator: Tray's API cannot delete an order's invoice, so a note
/// cancelled at SEFAZ is never posted if it had not reached Tray, and otherwise stays until the order's next note takes its
/// place with one PUT (one invoice on the order, the valid one); a cancelled sales order moves its Tray order to the store's
/// cancelled status once. One system for the whole story, as the suite's time is scarce.</summary>
public sealed class InvoiceCancellationTests : IAsyncDisposable
{
    private InvoiceFeedbackDriver? _driver;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static NfeCancelled Cancelled(NfeIssued nfe) => new(nfe.TenantId, nfe.StoreId, nfe.TrayOrderId, nfe.SalesOrderId, Guid.NewGuid(),
        nfe.ChaveDeAcesso, nfe.Number, nfe.Series, "Pedido cancelado pelo cliente antes do envio", "135260000000777", DateTimeOffset.UtcNow,
        DateTimeOffset.UtcNow);

    private static SalesOrderCancelled OrderCancelled(long orderId) => new(InvoiceFeedbackDriver.Tenant, InvoiceFeedbackDriver.Store, Id(orderId),
        Guid.NewGuid(), "Pedido cancelado no ERP.", DateTimeOffset.UtcNow);

    private int Calls(string method, string pathEnd) => _driver!.Harness.Simulator.Admin.Requests(InvoiceFeedbackDriver.Store, 1000)
        .Count(r => r.Method == method && r.Path.Split('?')[0].EndsWith(pathEnd, StringComparison.Ordinal));

    private async Task<JsonElement> DeliveryAsync(string trayOrderId, string key)
    {
        using var client = _driver!.Harness.Client(InvoiceFeedbackDriver.Tenant);
        var list = await client.GetFromJsonAsync<JsonElement>($"api/tray/invoices?storeId={InvoiceFeedbackDriver.Store}&trayOrderId={trayOrderId}", Cancel);
        return list.GetProperty("items").EnumerateArray().SingleOrDefault(d => d.GetProperty("key").GetString() == key);
    }

    private Task<JsonElement> DeliveryInStateAsync(string trayOrderId, string key, string state) => Eventually.ReturnsAsync(
        () => DeliveryAsync(trayOrderId, key), d => d.ValueKind == JsonValueKind.Object && d.GetProperty("state").GetString() == state,
        TimeSpan.FromSeconds(30), $"NF-e {key} of order {trayOrderId} {state}");

    [Fact]
    public async Task A_cancelled_note_is_replaced_on_Tray_by_the_orders_next_one_with_one_PUT_and_a_cancelled_order_moves_to_cancelled_once()
    {
        var driver = _driver = await InvoiceFeedbackDriver.StartAsync();
        var orderId = driver.PlaceOrder();
        var first = driver.Nfe(orderId, 1301);
        await driver.Probe.PublishAsync(first);
        await DeliveryInStateAsync(Id(orderId), first.ChaveDeAcesso, "Enviada");
        var trayInvoiceId = InvoiceFeedbackDriver.Invoices(driver.Order(orderId)).Single()["id"]!.GetValue<string>();

        // Cancelled at SEFAZ: Tray keeps the invoice (no DELETE in its API); the delivery says so. Told twice, settled once.
        await driver.Probe.PublishAsync(Cancelled(first));
        await driver.Probe.PublishAsync(Cancelled(first));
        var cancelled = await DeliveryInStateAsync(Id(orderId), first.ChaveDeAcesso, "Cancelada");
        Assert.Contains("não permite excluir", cancelled.GetProperty("cancellationNote").GetString());
        Assert.Equal(trayInvoiceId, cancelled.GetProperty("trayInvoiceId").GetString());
        Assert.Equal(0, Calls("DELETE", $"/invoices/{trayInvoiceId}"));

        // The order's new note (a new number) takes the cancelled one's place: one PUT, no second POST, one invoice on Tray.
        var second = driver.Nfe(orderId, 1302) with { SalesOrderId = first.SalesOrderId };
        await driver.Probe.PublishAsync(second);
        var sent = await DeliveryInStateAsync(Id(orderId), second.ChaveDeAcesso, "Enviada");
        var invoice = Assert.Single(InvoiceFeedbackDriver.Invoices(driver.Order(orderId)));
        Assert.Equal((trayInvoiceId, second.ChaveDeAcesso, "1302"), (invoice["id"]!.GetValue<string>(), invoice["key"]!.GetValue<string>(),
            invoice["number"]!.GetValue<string>()));
        Assert.Equal(InvoiceFeedbackDriver.NfeProc(second.ChaveDeAcesso), invoice["xml_danfe"]!.GetValue<string>());
        Assert.Equal(trayInvoiceId, sent.GetProperty("trayInvoiceId").GetString());
        Assert.Equal((1, 1), (driver.InvoicePosts(orderId), Calls("PUT", $"/orders/{orderId}/invoices/{trayInvoiceId}")));
        Assert.Equal(second.ChaveDeAcesso, (await DeliveryAsync(Id(orderId), first.ChaveDeAcesso)).GetProperty("replacedByKey").GetString());

        // A note cancelled before it reached Tray is never posted, even when its NfeIssued comes after the cancellation.
        var other = driver.PlaceOrder();
        var never = driver.Nfe(other, 1303);
        await driver.Probe.PublishAsync(Cancelled(never));
        await DeliveryInStateAsync(Id(other), never.ChaveDeAcesso, "Cancelada");
        await driver.Probe.PublishAsync(never);

        // The sales order cancelled (in the ERP, the note already cancelled): its Tray order moves to the mapped cancelled
        // status once, however often it is told; one Tray already cancelled gets no call at all.
        var cancelledOnTray = driver.PlaceOrder();
        driver.Harness.Simulator.Admin.Orders.Cancel(InvoiceFeedbackDriver.Store, cancelledOnTray);
        var statusPutsBefore = Calls("PUT", $"/orders/{cancelledOnTray}");
        await driver.Probe.PublishAsync(OrderCancelled(other));
        await driver.Probe.PublishAsync(OrderCancelled(other));
        await driver.Probe.PublishAsync(OrderCancelled(cancelledOnTray));
        using var client = driver.Harness.Client(InvoiceFeedbackDriver.Tenant);
        (await client.PostAsJsonAsync("api/tray/orders/refresh", new { storeId = InvoiceFeedbackDriver.Store }, Cancel)).Dispose();
        var rows = await Eventually.ReturnsAsync(async () => (await client.GetFromJsonAsync<JsonElement>(
                $"api/tray/orders?storeId={InvoiceFeedbackDriver.Store}&pageSize=100", Cancel)).GetProperty("items").EnumerateArray()
                .Where(r => r.GetProperty("trayOrderId").GetString() is { } id && (id == Id(other) || id == Id(cancelledOnTray))
                            && r.TryGetProperty("cancellation", out var c) && c.ValueKind == JsonValueKind.Object
                            && c.GetProperty("state").GetString() == "Enviado")
                .ToDictionary(r => r.GetProperty("trayOrderId").GetString()!, r => r.GetProperty("cancellation")),
            r => r.Count == 2, TimeSpan.FromSeconds(30), "both cancellations on their rows");
        Assert.True(rows[Id(other)].GetProperty("statusMoved").GetBoolean());
        Assert.Equal("82", driver.Order(other)["OrderStatus"]!["id"]!.GetValue<string>());
        Assert.Equal(1, Calls("PUT", $"/orders/{other}"));
        Assert.False(rows[Id(cancelledOnTray)].GetProperty("statusMoved").GetBoolean());
        Assert.Contains("já estava cancelado", rows[Id(cancelledOnTray)].GetProperty("statusNote").GetString());
        Assert.Equal(statusPutsBefore, Calls("PUT", $"/orders/{cancelledOnTray}"));
        Assert.Equal(0, driver.InvoicePosts(other));
        Assert.Empty(InvoiceFeedbackDriver.Invoices(driver.Order(other)));
    }

    public async ValueTask DisposeAsync()
    {
        if (_driver is not null) await _driver.DisposeAsync();
    }
}
