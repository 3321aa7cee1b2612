using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.Contracts.Invoicing;
using TrayBridge.TestSupport;
using TrayBridge.TraySimulator.Admin;
using TrayBridge.TraySimulator.Settings;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>An authorized NF-e reaches its Tray order once — whatever Tray's failures, redeliveries or body reading — and
/// moves the order to the store's "invoiced" status.</summary>
public sealed class InvoiceFeedbackTests : IAsyncDisposable
{
    private InvoiceFeedbackDriver? _driver;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Exactly one invoice on the order with the NF-e's number, serie, key, value and CFOP per line, and the order in
    /// the mapped status.</summary>
    private static void AssertDeliveredOnce(InvoiceFeedbackDriver driver, long orderId, NfeIssued nfe, string statusId = "69")
    {
        var order = driver.Order(orderId);
        var invoice = Assert.Single(InvoiceFeedbackDriver.Invoices(order));
        Assert.Equal(Id(nfe.Number), invoice["number"]!.GetValue<string>());
        Assert.Equal(Id(nfe.Series), invoice["serie"]!.GetValue<string>());
        Assert.Equal(nfe.ChaveDeAcesso, invoice["key"]!.GetValue<string>());
        Assert.Equal(nfe.Total, decimal.Parse(invoice["value"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        Assert.Equal(nfe.DanfeUrl, invoice["link"]!.GetValue<string>());
        // Tray's xml_danfe is the authorized nfeProc itself (the simulator refuses anything else), read from the note's link.
        Assert.Equal(InvoiceFeedbackDriver.NfeProc(nfe.ChaveDeAcesso), invoice["xml_danfe"]!.GetValue<string>());
        var cfops = invoice["ProductCfop"]!.AsArray().Select(c => (c!["product_id"]!.GetValue<string>(), c["cfop"]!.GetValue<string>()));
        Assert.Equal(nfe.Items.Select(i => (i.TrayProductId, i.Cfop)), cfops);
        Assert.Equal(statusId, order["OrderStatus"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_issued_NFe_becomes_one_invoice_on_its_order_and_a_redelivered_one_changes_nothing()
    {
        var driver = _driver = await InvoiceFeedbackDriver.StartAsync();
        var orderId = driver.PlaceOrder();
        var nfe = driver.Nfe(orderId, 1201);

        await driver.Probe.PublishAsync(nfe);
        var delivery = await driver.SettledAsync(Id(orderId));

        Assert.Equal("Enviada", delivery.GetProperty("state").GetString());
        Assert.True(delivery.GetProperty("statusMoved").GetBoolean());
        AssertDeliveredOnce(driver, orderId, nfe);
        await Eventually.ReturnsAsync(() => Task.FromResult(driver.Sent.Count(s => s.ChaveDeAcesso == nfe.ChaveDeAcesso)), n => n == 1,
            TimeSpan.FromSeconds(15), "TrayInvoiceSent");

        await driver.Probe.PublishAsync(nfe); // a new message id: the natural key, not the message, makes it a duplicate
        await driver.Probe.PublishAsync(nfe with { OccurredAt = DateTimeOffset.UtcNow });
        await Task.Delay(3000, Cancel);
        AssertDeliveredOnce(driver, orderId, nfe);
        Assert.Equal(1, driver.InvoicePosts(orderId));
        Assert.Single(driver.Sent, s => s.ChaveDeAcesso == nfe.ChaveDeAcesso);
    }

    [Fact]
    public async Task The_invoice_POST_failing_three_times_once_after_committing_leaves_exactly_one_invoice()
    {
        var driver = _driver = await InvoiceFeedbackDriver.StartAsync();
        var orderId = driver.PlaceOrder();
        driver.Harness.Simulator.Admin.InvoiceFaults.Script(InvoiceFeedbackDriver.Store,
            [InvoicePostFault.Error500, InvoicePostFault.Error500, InvoicePostFault.FailAfterCommit]);
        var nfe = driver.Nfe(orderId, 1202);

        await driver.Probe.PublishAsync(nfe);
        var delivery = await driver.SettledAsync(Id(orderId), seconds: 60);

        Assert.Equal("Enviada", delivery.GetProperty("state").GetString());
        Assert.Equal(0, driver.Harness.Simulator.Admin.InvoiceFaults.Remaining(InvoiceFeedbackDriver.Store));
        Assert.Equal(3, driver.InvoicePosts(orderId));
        AssertDeliveredOnce(driver, orderId, nfe);
    }

    [Fact]
    public async Task Tray_failing_longer_than_one_attempt_is_retried_as_due_work_with_the_last_error_shown_and_still_one_invoice()
    {
        var driver = _driver = await InvoiceFeedbackDriver.StartAsync();
        var orderId = driver.PlaceOrder();
        driver.Harness.Simulator.Admin.InvoiceFaults.Script(InvoiceFeedbackDriver.Store,
            [.. Enumerable.Repeat(InvoicePostFault.Error500, 4), InvoicePostFault.FailAfterCommit]);
        var nfe = driver.Nfe(orderId, 1203);

        await driver.Probe.PublishAsync(nfe);
        var failing = await Eventually.ReturnsAsync(() => driver.DeliveryAsync(Id(orderId)),
            d => d.ValueKind == JsonValueKind.Object && d.GetProperty("lastError").ValueKind == JsonValueKind.String, TimeSpan.FromSeconds(30),
            "the first attempt's error");
        Assert.Contains("500", failing.GetProperty("lastError").GetString());

        var delivery = await driver.SettledAsync(Id(orderId), seconds: 60);
        Assert.Equal("Enviada", delivery.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, delivery.GetProperty("lastError").ValueKind);
        Assert.Equal(5, driver.InvoicePosts(orderId));
        AssertDeliveredOnce(driver, orderId, nfe);
    }

    [Fact]
    public async Task Tray_failing_past_the_last_attempt_shows_Erro_and_a_retry_later_sends_it_once()
    {
        var driver = _driver = await InvoiceFeedbackDriver.StartAsync(dueWorkAttempts: 2);
        var orderId = driver.PlaceOrder();
        driver.Harness.Simulator.Admin.InvoiceFaults.Script(InvoiceFeedbackDriver.Store, Enumerable.Repeat(InvoicePostFault.Error500, 8));
        var nfe = driver.Nfe(orderId, 1207);

        await driver.Probe.PublishAsync(nfe);
        var failed = await driver.SettledAsync(Id(orderId), seconds: 60);
        Assert.Equal("Erro", failed.GetProperty("state").GetString());
        Assert.Contains("500", failed.GetProperty("lastError").GetString());
        // Any, then exactly one: a second one fails here, not as a timeout.
        var syncFailed = await Eventually.ReturnsAsync(() => Task.FromResult(driver.SyncFailed.Where(f => f.Operation == "invoice").ToList()),
            list => list.Count > 0, TimeSpan.FromSeconds(15), "TraySyncFailed");
        Assert.True(Assert.Single(syncFailed).Retryable, "TraySyncFailed is retryable");
        Assert.Empty(InvoiceFeedbackDriver.Invoices(driver.Order(orderId)));

        Assert.Equal(HttpStatusCode.Accepted, await driver.RetryAsync(nfe));
        Assert.Equal("Enviada", (await driver.SettledAsync(Id(orderId))).GetProperty("state").GetString());
        Assert.Equal(9, driver.InvoicePosts(orderId));
        AssertDeliveredOnce(driver, orderId, nfe);
    }

    [Fact]
    public async Task The_notes_XML_unreadable_at_Invoicing_is_retried_as_due_work_with_the_reason_shown_and_then_sent_once()
    {
        var driver = _driver = await InvoiceFeedbackDriver.StartAsync();
        var orderId = driver.PlaceOrder();
        driver.FailXmlReads(2);
        var nfe = driver.Nfe(orderId, 1209);

        await driver.Probe.PublishAsync(nfe);
        var failing = await Eventually.ReturnsAsync(() => driver.DeliveryAsync(Id(orderId)),
            d => d.ValueKind == JsonValueKind.Object && d.GetProperty("lastError").ValueKind == JsonValueKind.String, TimeSpan.FromSeconds(30),
            "the XML read's error");
        Assert.Equal("Pendente", failing.GetProperty("state").GetString());
        Assert.Contains("XML", failing.GetProperty("lastError").GetString());
        Assert.Equal(0, driver.InvoicePosts(orderId)); // nothing reaches Tray without the note's XML

        var delivery = await driver.SettledAsync(Id(orderId), seconds: 60);
        Assert.Equal("Enviada", delivery.GetProperty("state").GetString());
        Assert.Equal(1, driver.InvoicePosts(orderId));
        AssertDeliveredOnce(driver, orderId, nfe);
    }

    [Theory]
    [InlineData(InvoiceBodyForm.FlatOnly, ProductCfopPlacement.Nested)]
    [InlineData(InvoiceBodyForm.WrappedOnly, ProductCfopPlacement.Sibling)]
    public async Task Either_reading_of_the_invoice_body_gets_one_invoice(InvoiceBodyForm form, ProductCfopPlacement cfop)
    {
        var driver = _driver = await InvoiceFeedbackDriver.StartAsync(form, cfop);
        var orderId = driver.PlaceOrder();
        var nfe = driver.Nfe(orderId, 1204);

        await driver.Probe.PublishAsync(nfe);
        Assert.Equal("Enviada", (await driver.SettledAsync(Id(orderId))).GetProperty("state").GetString());
        AssertDeliveredOnce(driver, orderId, nfe);

        await driver.Probe.PublishAsync(nfe); // redelivered
        await Task.Delay(2000, Cancel);
        Assert.Single(InvoiceFeedbackDriver.Invoices(driver.Order(orderId)));
    }

    [Fact]
    public async Task Tray_refusing_the_invoice_shows_Erro_with_TraySyncFailed_and_a_retry_after_the_fix_sends_it_once()
    {
        var driver = _driver = await InvoiceFeedbackDriver.StartAsync();
        var placed = driver.PlaceOrder();
        var next = Id(placed + 1); // not on Tray yet: Tray answers 404
        var nfe = driver.Nfe(placed, 1205) with { TrayOrderId = next };
        await driver.Probe.PublishAsync(nfe);
        var refused = await driver.SettledAsync(next);
        Assert.Equal("Erro", refused.GetProperty("state").GetString());
        Assert.Contains("404", refused.GetProperty("lastError").GetString());
        await Eventually.ReturnsAsync(() => Task.FromResult(driver.SyncFailed.Count(f => f.Operation == "invoice")), n => n >= 1,
            TimeSpan.FromSeconds(15), "TraySyncFailed");
        Assert.Single(driver.SyncFailed, f => f.Operation == "invoice");

        Assert.Equal(placed + 1, driver.PlaceOrder()); // the fix: the order exists now
        Assert.Equal(HttpStatusCode.Accepted, await driver.RetryAsync(nfe));
        Assert.Equal(HttpStatusCode.Conflict, await driver.RetryAsync(nfe)); // already pending
        var delivery = await driver.SettledAsync(next);
        Assert.Equal("Enviada", delivery.GetProperty("state").GetString());
        AssertDeliveredOnce(driver, placed + 1, nfe);
    }

    [Fact]
    public async Task Without_an_invoiced_status_mapped_the_invoice_is_sent_with_a_reason_and_a_retry_after_mapping_moves_the_status()
    {
        var driver = _driver = await InvoiceFeedbackDriver.StartAsync(invoicedStatusId: null);
        var orderId = driver.PlaceOrder();
        var nfe = driver.Nfe(orderId, 1206);
        await driver.Probe.PublishAsync(nfe);
        var delivery = await driver.SettledAsync(Id(orderId));
        Assert.Equal("Enviada", delivery.GetProperty("state").GetString());
        Assert.False(delivery.GetProperty("statusMoved").GetBoolean());
        Assert.Contains("faturado", delivery.GetProperty("statusNote").GetString());
        AssertDeliveredOnce(driver, orderId, nfe, statusId: "16");

        await driver.MapInvoicedStatusAsync("69");
        Assert.Equal(HttpStatusCode.Accepted, await driver.RetryAsync(nfe));
        await Eventually.ReturnsAsync(() => driver.DeliveryAsync(Id(orderId)), d => d.GetProperty("statusMoved").GetBoolean(),
            TimeSpan.FromSeconds(20), "the status moved");
        AssertDeliveredOnce(driver, orderId, nfe);
        Assert.Equal(1, driver.InvoicePosts(orderId));
    }

    [Fact]
    public async Task An_order_cancelled_on_Tray_gets_the_invoice_but_keeps_its_cancelled_status()
    {
        var driver = _driver = await InvoiceFeedbackDriver.StartAsync();
        var orderId = driver.PlaceOrder();
        var nfe = driver.Nfe(orderId, 1208);
        driver.Harness.Simulator.Admin.Orders.Cancel(InvoiceFeedbackDriver.Store, orderId);

        await driver.Probe.PublishAsync(nfe);
        var delivery = await driver.SettledAsync(Id(orderId));
        Assert.Equal("Enviada", delivery.GetProperty("state").GetString());
        Assert.False(delivery.GetProperty("statusMoved").GetBoolean());
        Assert.Contains("cancelado", delivery.GetProperty("statusNote").GetString());
        AssertDeliveredOnce(driver, orderId, nfe, statusId: "82");
    }

    [Fact]
    public async Task An_invoice_for_an_order_the_webhook_fed_mirror_just_read_costs_two_calls_its_POST_and_the_status_move()
    {
        var driver = _driver = await InvoiceFeedbackDriver.StartAsync();
        driver.Harness.Simulator.Admin.ConfigureWebhooks(new Uri(driver.Harness.ConnectorAddress, "webhooks/tray").ToString());
        var orderId = driver.PlaceOrder();
        using (var client = driver.Harness.Client(InvoiceFeedbackDriver.Tenant))
            await Eventually.ReturnsAsync(() => client.GetFromJsonAsync<JsonElement>($"api/tray/orders?storeId={InvoiceFeedbackDriver.Store}&pageSize=100", Cancel),
                p => p.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("trayOrderId").GetString() == Id(orderId) && i.GetProperty("complete").GetBoolean()),
                TimeSpan.FromSeconds(30), "the webhook's read of the order");
        var mark = driver.Harness.Simulator.Admin.Stats(InvoiceFeedbackDriver.Store).Requests;
        var nfe = driver.Nfe(orderId, 1209);

        await driver.Probe.PublishAsync(nfe);
        var delivery = await driver.SettledAsync(Id(orderId));

        Assert.True(delivery.GetProperty("statusMoved").GetBoolean());
        AssertDeliveredOnce(driver, orderId, nfe);
        var calls = driver.Harness.Simulator.Admin.RequestsAfter(InvoiceFeedbackDriver.Store, mark)!
            .Select(c => $"{c.Method} {c.Path.Split('?')[0]}")
            .Where(c => c.EndsWith($"/orders/{orderId}") || c.EndsWith($"/orders/{orderId}/invoices")).ToList();
        // No look for an invoice no attempt could have posted, no read of a status the mirror read seconds ago (the
        // webhooks Tray sends for the invoice and the status make the mirror re-read /complete: not the invoice's calls).
        Assert.Equal(2, calls.Count);
        Assert.Single(calls, c => c.StartsWith("POST") && c.EndsWith("/invoices"));
        Assert.Single(calls, c => c.StartsWith("PUT") && c.EndsWith($"/orders/{orderId}"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_driver is not null) await _driver.DisposeAsync();
    }
}
