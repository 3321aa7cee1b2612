using System.Net;
using System.Net.Http.Json;
using Marten;
using TrayBridge.Api.Orders;
using TrayBridge.Contracts.Invoicing;
using TrayBridge.Contracts.Orders;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.Orders.Domain;
using TrayBridge.Orders.Features.Import;
using TrayBridge.TestSupport;

namespace TrayBridge.Orders.Tests;

/// <summary>After the NF-e (issue 13): a note cancelled at SEFAZ reopens its order for a new note; an invoiced order Tray
/// cancels waits for the merchant to cancel the note, and only then is cancelled; the merchant cancels an order without a note.</summary>
public sealed partial class SalesOrdersApiTests
{
    private const string FirstKey = "35260311222333000181550010000012011000012017";

    private async Task<List<SalesOrderCancelled>> CancelledEventsAsync(string tenant, Guid id)
    {
        await using var session = harness.Store.QuerySession(tenant);
        return (await session.Events.FetchStreamAsync(id, token: Cancel)).Select(e => e.Data).OfType<SalesOrderCancelled>().ToList();
    }

    /// <summary>An invoiced order stored with the id its natural key gives (Tray's messages find it by that key).</summary>
    private async Task<SalesOrder> InvoicedAsync(string tenant, string trayOrderId)
    {
        var order = Order(trayOrderId, SaoPaulo(4, 9));
        order.Id = SalesOrderIds.For(tenant, Store, trayOrderId);
        order.RecordNfeIssued(FirstKey, 1201, 1, SaoPaulo(4, 12), Guid.NewGuid());
        await harness.StoreAsync(tenant, order);
        return order;
    }

    private static NfeCancelled Cancelled(string tenant, SalesOrder order, string key, int number) => new(tenant, order.StoreId,
        order.TrayOrderId, order.Id, Guid.NewGuid(), key, number, 1, "Pedido cancelado pelo cliente antes do envio", "135260000000777",
        DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_cancelled_NFe_reopens_its_order_once_for_a_new_note_and_a_late_or_stale_message_never_undoes_it()
    {
        var tenant = NewTenant();
        var order = await InvoicedAsync(tenant, "3101");
        using var erp = harness.Client(tenant);

        await harness.PublishAsync(Cancelled(tenant, order, FirstKey, 1201));
        var reopened = await Eventually.ReturnsAsync(() => harness.LoadAsync(tenant, order.Id), o => !o.Invoiced, TimeSpan.FromSeconds(20), "reopened");
        Assert.Equal((SalesOrderStatus.ProntoParaFaturar, null, null), (reopened.Status, reopened.NfeKey, reopened.NfeNumber));
        var detail = await OkAsync(await erp.GetAsync($"api/orders/sales-orders/{order.Id}", Cancel));
        Assert.Equal(SalesOrderSituations.Ready, detail.Situation);
        Assert.Equal((FirstKey, 1201, "135260000000777"), (detail.CancelledNfes.Single().Key, detail.CancelledNfes.Single().Number,
            detail.CancelledNfes.Single().Protocol));

        // A new batch's note (a new number) invoices it again; the old note's messages arriving late change nothing.
        const string secondKey = "35260311222333000181550010000012021000012022";
        await harness.PublishAsync(new NfeIssued(tenant, order.StoreId, order.TrayOrderId, order.Id, secondKey, 1202, 1, DateTimeOffset.UtcNow,
            order.Totals.Total, "135260000000778", "https://erp.example/danfe", "https://erp.example/xml", [], DateTimeOffset.UtcNow));
        await Eventually.ReturnsAsync(() => harness.LoadAsync(tenant, order.Id), o => o.Invoiced, TimeSpan.FromSeconds(20), "invoiced again");
        await harness.PublishAsync(Cancelled(tenant, order, FirstKey, 1201)); // the first cancellation again (another message)
        await harness.PublishAsync(new NfeIssued(tenant, order.StoreId, order.TrayOrderId, order.Id, FirstKey, 1201, 1, DateTimeOffset.UtcNow,
            order.Totals.Total, "135260000000001", "https://erp.example/danfe", "https://erp.example/xml", [], DateTimeOffset.UtcNow));
        await Task.Delay(1500, Cancel);
        var after = await harness.LoadAsync(tenant, order.Id);
        Assert.Equal((SalesOrderStatus.Faturado, secondKey, 1202, 1), (after.Status, after.NfeKey, after.NfeNumber, after.CancelledNfes.Count));
        Assert.Empty(await CancelledEventsAsync(tenant, order.Id));
    }

    [Fact]
    public async Task An_invoiced_order_cancelled_on_Tray_waits_for_the_merchant_to_cancel_its_NFe_and_only_then_is_cancelled()
    {
        var tenant = NewTenant();
        var order = await InvoicedAsync(tenant, "3102");
        using var erp = harness.Client(tenant);

        await harness.PublishAsync(new TrayOrderChanged(tenant, Store, "3102", "CANCELADO", Cancelled: true, DateTimeOffset.UtcNow));
        var waiting = await Eventually.ReturnsAsync(() => harness.LoadAsync(tenant, order.Id), o => o.CancelledOnTray, TimeSpan.FromSeconds(20),
            "Tray's cancellation seen");
        Assert.Equal((SalesOrderStatus.CanceladoNaTrayNfeAutorizada, true, FirstKey), (waiting.Status, waiting.Invoiced, waiting.NfeKey));
        var listed = await ListAsync(erp, $"storeId={Store}&situation={SalesOrderSituations.CancelledOnTrayInvoiced}");
        var row = Assert.Single(listed.Items);
        Assert.Equal(("Cancelado na Tray — NF-e autorizada", order.Id, waiting.NfeId), (row.StatusLabel, row.Id, row.NfeId));
        Assert.Equal(1, listed.Situations[SalesOrderSituations.CancelledOnTrayInvoiced]);
        Assert.Empty(await CancelledEventsAsync(tenant, order.Id)); // nothing cancelled: the note stands, stock stays out
        await AssertProblemAsync(await erp.PostAsJsonAsync($"api/orders/sales-orders/{order.Id}/cancel", new SalesOrderCancelRequest(null), Cancel),
            HttpStatusCode.Conflict, OrderProblemCodes.NfeAuthorized);

        await harness.PublishAsync(Cancelled(tenant, order, FirstKey, 1201));
        var cancelled = await Eventually.ReturnsAsync(() => harness.LoadAsync(tenant, order.Id), o => !o.Invoiced, TimeSpan.FromSeconds(20),
            "the note's cancellation applied");
        Assert.Equal(SalesOrderStatus.CanceladoNaTray, cancelled.Status);
        var events = await Eventually.ReturnsAsync(() => CancelledEventsAsync(tenant, order.Id), e => e.Count > 0, TimeSpan.FromSeconds(10), "SalesOrderCancelled");
        Assert.Equal(("3102", order.Id), (events.Single().TrayOrderId, events.Single().SalesOrderId));
    }

    [Fact]
    public async Task The_merchant_cancels_an_order_without_a_note_once_with_its_event_and_its_reason_is_bounded()
    {
        var tenant = NewTenant();
        var seeded = await SeedAsync(tenant);
        using var erp = harness.Client(tenant);
        var ready = seeded["ready"];

        await AssertProblemAsync(await erp.PostAsJsonAsync($"api/orders/sales-orders/{ready.Id}/cancel",
            new SalesOrderCancelRequest(new string('x', 256)), Cancel), HttpStatusCode.BadRequest, Api.ApiProblem.Validation);
        var cancelled = await OkAsync(await erp.PostAsJsonAsync($"api/orders/sales-orders/{ready.Id}/cancel",
            new SalesOrderCancelRequest("Cliente desistiu"), Cancel));
        Assert.Equal((SalesOrderSituations.Cancelled, "Cancelado", "Cliente desistiu"), (cancelled.Situation, cancelled.StatusLabel, cancelled.CancelReason));
        await OkAsync(await erp.PostAsJsonAsync($"api/orders/sales-orders/{ready.Id}/cancel", new SalesOrderCancelRequest(null), Cancel));
        Assert.Equal("Pedido cancelado no ERP: Cliente desistiu", Assert.Single(await CancelledEventsAsync(tenant, ready.Id)).Reason);
        await AssertProblemAsync(await erp.PostAsJsonAsync($"api/orders/sales-orders/{seeded["invoiced"].Id}/cancel",
            new SalesOrderCancelRequest(null), Cancel), HttpStatusCode.Conflict, OrderProblemCodes.NfeAuthorized);
    }
}
