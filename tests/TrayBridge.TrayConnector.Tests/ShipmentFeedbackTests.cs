using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using TrayBridge.Contracts.Orders;
using TrayBridge.TestSupport;
using TrayBridge.TraySimulator.Gateway;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>A sales order's dispatch reaches its Tray order (tracking code, date, URL and the mapped shipped status) once,
/// whatever is redelivered or lost on the way, and shows on the order's row.</summary>
public sealed class ShipmentFeedbackTests : IAsyncDisposable
{
    private InvoiceFeedbackDriver? _driver;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static SalesOrderShipped Shipped(long orderId, string code, string? url = null) => new(InvoiceFeedbackDriver.Tenant,
        InvoiceFeedbackDriver.Store, Id(orderId), Guid.NewGuid(), "Correios", code, url ?? $"https://rastreio.example/{code}",
        new DateOnly(2026, 3, 2), DateTimeOffset.UtcNow);

    private static async Task<JsonElement> ShipmentAsync(InvoiceFeedbackDriver driver, long orderId)
    {
        using var client = driver.Harness.Client(InvoiceFeedbackDriver.Tenant);
        var list = await client.GetFromJsonAsync<JsonElement>($"api/tray/shipments?storeId={InvoiceFeedbackDriver.Store}&trayOrderId={orderId}", Cancel);
        return list.GetProperty("items").EnumerateArray().SingleOrDefault();
    }

    private static Task<JsonElement> SettledAsync(InvoiceFeedbackDriver driver, long orderId, string? code = null) => Eventually.ReturnsAsync(
        () => ShipmentAsync(driver, orderId), s => s.ValueKind == JsonValueKind.Object && s.GetProperty("state").GetString() != "Pendente"
            && (code is null || s.GetProperty("trackingCode").GetString() == code), TimeSpan.FromSeconds(60), $"the dispatch of order {orderId}");

    private static int OrderPuts(InvoiceFeedbackDriver driver, long orderId) => driver.Harness.Simulator.Admin.Requests(InvoiceFeedbackDriver.Store, 500)
        .Count(r => r.Method == "PUT" && r.Path.EndsWith($"/orders/{orderId}", StringComparison.Ordinal));

    private static void AssertOnTray(InvoiceFeedbackDriver driver, long orderId, SalesOrderShipped shipped, string statusId)
    {
        var order = driver.Order(orderId);
        Assert.Equal(shipped.TrackingCode, order["sending_code"]!.GetValue<string>());
        Assert.Equal(shipped.TrackingUrl, order["tracking_url"]!.GetValue<string>());
        Assert.Equal("2026-03-02", order["sending_date"]!.GetValue<string>());
        Assert.Equal(statusId, order["OrderStatus"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_dispatch_reaches_its_Tray_order_once_with_the_shipped_status_duplicates_change_nothing_and_the_order_row_shows_it()
    {
        var driver = _driver = await InvoiceFeedbackDriver.StartAsync();
        var orderId = driver.PlaceOrder();
        var shipped = Shipped(orderId, "QB000000001BR");

        await driver.Probe.PublishAsync(shipped);
        await driver.Probe.PublishAsync(shipped); // the same message twice, and once more later
        var sent = await SettledAsync(driver, orderId);
        Assert.Equal("Enviado", sent.GetProperty("state").GetString());
        Assert.True(sent.GetProperty("statusMoved").GetBoolean());
        AssertOnTray(driver, orderId, shipped, statusId: "17");
        await driver.Probe.PublishAsync(shipped with { OccurredAt = shipped.OccurredAt });
        await Task.Delay(2000, Cancel);
        Assert.Equal(1, OrderPuts(driver, orderId));

        // A corrected code replaces the first and reaches Tray with one more PUT.
        var corrected = Shipped(orderId, "QB000000002BR") with { OccurredAt = DateTimeOffset.UtcNow };
        await driver.Probe.PublishAsync(corrected);
        await SettledAsync(driver, orderId, "QB000000002BR");
        AssertOnTray(driver, orderId, corrected, statusId: "17");
        Assert.Equal(2, OrderPuts(driver, orderId));

        using var client = driver.Harness.Client(InvoiceFeedbackDriver.Tenant);
        (await client.PostAsJsonAsync("api/tray/orders/refresh", new { storeId = InvoiceFeedbackDriver.Store }, Cancel)).Dispose();
        var row = await Eventually.ReturnsAsync(async () => (await client.GetFromJsonAsync<JsonElement>(
                $"api/tray/orders?storeId={InvoiceFeedbackDriver.Store}", Cancel)).GetProperty("items").EnumerateArray()
                .SingleOrDefault(r => r.GetProperty("trayOrderId").GetString() == Id(orderId)),
            r => r.ValueKind == JsonValueKind.Object, TimeSpan.FromSeconds(30), "the order in the mirror");
        Assert.Equal("QB000000002BR", row.GetProperty("shipment").GetProperty("trackingCode").GetString());
        Assert.Equal("Enviado", row.GetProperty("shipment").GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_PUT_applied_by_Tray_whose_answer_is_lost_is_not_sent_again()
    {
        var driver = _driver = await InvoiceFeedbackDriver.StartAsync();
        var orderId = driver.PlaceOrder();
        var shipped = Shipped(orderId, "QB000000003BR");
        // Every write is applied, then answered 500 or dropped: what a connector killed mid-call sees on its next run.
        driver.Harness.Simulator.Admin.SetFaults(new Faults { FailAfterCommitShare = 1 });

        await driver.Probe.PublishAsync(shipped);
        await Eventually.ReturnsAsync(() => Task.FromResult(OrderPuts(driver, orderId)), n => n >= 1, TimeSpan.FromSeconds(30), "the PUT");
        driver.Harness.Simulator.Admin.ClearFaults();
        var sent = await SettledAsync(driver, orderId);

        Assert.Equal("Enviado", sent.GetProperty("state").GetString());
        Assert.True(sent.GetProperty("attempts").GetInt32() >= 2, "the lost answer was retried");
        Assert.Equal(1, OrderPuts(driver, orderId)); // the retry read the order, found the tracking and the status, and sent nothing
        AssertOnTray(driver, orderId, shipped, statusId: "17");
    }

    [Fact]
    public async Task A_connector_killed_while_its_call_to_Tray_is_in_flight_leaves_one_applied_PUT_after_a_restart()
    {
        // A killed run keeps its due-work row leased until the lease ends (see ConnectorKilledMidBurstTests): 3 s here.
        var driver = _driver = await InvoiceFeedbackDriver.StartAsync(dueWorkLease: TimeSpan.FromSeconds(3));
        var orderId = driver.PlaceOrder();
        var shipped = Shipped(orderId, "QB000000006BR");
        // From here on the connector is one OS process that can be killed; the in-process one stops consuming.
        var first = await driver.Harness.StartReplicaAsync();
        await driver.Harness.Connector.StopAsync(Cancel);
        driver.Harness.Simulator.Admin.SetFaults(new Faults { SlowShare = 1, SlowMilliseconds = 3_000 });

        await driver.Probe.PublishAsync(shipped);
        await Eventually.ReturnsAsync(() => RunsInFlightAsync(driver), runs => runs == 1, TimeSpan.FromSeconds(30), "a shipment run in flight");
        await first.KillAsync();
        driver.Harness.Simulator.Admin.ClearFaults();
        await driver.Harness.StartReplicaAsync();

        await Eventually.ReturnsAsync(() => Task.FromResult(driver.Order(orderId)["sending_code"]!.GetValue<string>()), code => code == shipped.TrackingCode,
            TimeSpan.FromSeconds(60), "the tracking on Tray after the restart");
        await Task.Delay(TimeSpan.FromSeconds(2), Cancel); // a second PUT would show up here
        AssertOnTray(driver, orderId, shipped, statusId: "17");
        Assert.Equal(1, driver.Harness.Simulator.Admin.Requests(InvoiceFeedbackDriver.Store, 500)
            .Count(r => r.Method == "PUT" && r.Path.EndsWith($"/orders/{orderId}", StringComparison.Ordinal) && r.Status == 200));
    }

    /// <summary>A shipment run has claimed its due-work row and not finished it: killing now kills it mid-call.</summary>
    private static async Task<long> RunsInFlightAsync(InvoiceFeedbackDriver driver)
    {
        await using var connection = new NpgsqlConnection(driver.Harness.Infrastructure.PostgresConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(
            "select count(*) from tray_connector.due_work where kind = 'tray.shipment-send' and status = 'pending' and leased_until > now()", connection);
        return (long)(await command.ExecuteScalarAsync(Cancel))!;
    }

    [Fact]
    public async Task Without_a_shipped_status_mapped_the_tracking_is_sent_with_a_warning_and_a_retry_after_mapping_moves_the_status()
    {
        var driver = _driver = await InvoiceFeedbackDriver.StartAsync(invoicedStatusId: "69", shippedStatusId: null);
        var orderId = driver.PlaceOrder();
        var shipped = Shipped(orderId, "QB000000004BR");

        await driver.Probe.PublishAsync(shipped);
        var sent = await SettledAsync(driver, orderId);
        Assert.Equal("Enviado", sent.GetProperty("state").GetString());
        Assert.False(sent.GetProperty("statusMoved").GetBoolean());
        Assert.Contains("enviado", sent.GetProperty("statusNote").GetString());
        AssertOnTray(driver, orderId, shipped, statusId: "16");

        await driver.MapInvoicedStatusAsync("69", shippedId: "17");
        using var client = driver.Harness.Client(InvoiceFeedbackDriver.Tenant);
        var retry = await client.PostAsJsonAsync("api/tray/shipments/retry", new { storeId = InvoiceFeedbackDriver.Store, trayOrderId = Id(orderId) }, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        await Eventually.ReturnsAsync(() => ShipmentAsync(driver, orderId), s => s.GetProperty("statusMoved").GetBoolean(),
            TimeSpan.FromSeconds(30), "the status moved");
        AssertOnTray(driver, orderId, shipped, statusId: "17");
        Assert.Equal(2, OrderPuts(driver, orderId));
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync("api/tray/shipments/retry",
            new { storeId = InvoiceFeedbackDriver.Store, trayOrderId = Id(orderId) }, Cancel)).StatusCode);
    }

    [Fact]
    public async Task Tray_refusing_the_dispatch_shows_Erro_with_its_reason()
    {
        var driver = _driver = await InvoiceFeedbackDriver.StartAsync();
        var missing = driver.PlaceOrder() + 1; // not on Tray: 404
        await driver.Probe.PublishAsync(Shipped(missing, "QB000000005BR"));
        var refused = await SettledAsync(driver, missing);
        Assert.Equal("Erro", refused.GetProperty("state").GetString());
        Assert.Contains("404", refused.GetProperty("lastError").GetString());
        await Eventually.ReturnsAsync(() => Task.FromResult(driver.SyncFailed.Count(f => f.Operation == "shipment")), n => n >= 1,
            TimeSpan.FromSeconds(15), "TraySyncFailed");
    }

    public async ValueTask DisposeAsync()
    {
        if (_driver is not null) await _driver.DisposeAsync();
    }
}
