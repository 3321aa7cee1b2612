using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.Api;
using TrayBridge.Api.Tray;
using TrayBridge.Contracts.Orders;
using TrayBridge.TestSupport;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>"Importar" on the panel: the import answers an id, and its progress ("n de N", each order's situation and,
/// for an error, a stable code with a pt-BR reason) can be read at any time — a reload finds it again. The Orders
/// service's outcomes are published by hand, as it would.</summary>
public sealed class ImportProgressTests : IAsyncDisposable
{
    private const string Tenant = "tenant-import-progress";
    private const string Store = "570101";
    private ConnectorHarness? _harness;
    private BusProbe? _probe;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private async Task<List<string>> StartAsync(int orders)
    {
        _harness = await ConnectorHarness.StartAsync(window: TimeSpan.FromSeconds(1), perWindow: 100,
            extraSettings: new Dictionary<string, string?> { ["Tray:Orders:PollInterval"] = "01:00:00" });
        _probe = await BusProbe.StartAsync(_harness);
        await _harness.ConnectAsync(Tenant, Store, products: 4);
        var ids = Enumerable.Range(0, orders)
            .Select(_ => _harness.Simulator.Admin.CreateOrder(Store, status: "AGUARDANDO PAGAMENTO").ToString(CultureInfo.InvariantCulture)).ToList();
        using var client = _harness.Client(Tenant);
        // "Atualizar da Tray": the orders placed after the store connected are polled now, not in an hour.
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("api/tray/orders/refresh", new StoreRequest(Store), Cancel)).StatusCode);
        await Eventually.ReturnsAsync(() => client.GetFromJsonAsync<TrayOrderPage>($"api/tray/orders?storeId={Store}", Cancel),
            page => page!.Total == orders, Patience, "the mirror");
        return ids;
    }

    private async Task<ImportProgress> ProgressAsync(Guid id)
    {
        using var client = _harness!.Client(Tenant);
        return (await client.GetFromJsonAsync<ImportProgress>($"api/tray/orders/imports/{id}", Cancel))!;
    }

    [Fact]
    public async Task An_import_counts_n_of_N_and_shows_each_orders_result_with_a_code_and_a_Portuguese_reason()
    {
        var ids = await StartAsync(orders: 3);
        const string missing = "987654321"; // Tray has no such order
        using var client = _harness!.Client(Tenant);

        var response = await client.PostAsJsonAsync("api/tray/orders/import", new ImportOrdersRequest(Store, [.. ids, missing]), Cancel);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = (await response.Content.ReadFromJsonAsync<ImportAccepted>(Cancel))!;
        Assert.Equal($"/api/tray/orders/imports/{accepted.ImportId}", accepted.Location);
        Assert.Equal(accepted.Location, response.Headers.Location?.OriginalString);
        Assert.Equal([.. ids, missing], accepted.Scheduled);
        Assert.Empty(accepted.AlreadyImportedOrInProgress);
        var started = await ProgressAsync(accepted.ImportId);
        Assert.Equal((4, Store), (started.Total, started.StoreId));
        Assert.Equal(started.Total, started.Done + started.Pending);
        Assert.Equal([.. ids, missing], started.Orders.Select(o => o.TrayOrderId));

        // Every real order read from Tray and handed to the Orders service before its outcome comes back, as in production.
        await Eventually.ReturnsAsync(() => Task.FromResult(_probe!.OrdersFetched.Select(o => o.TrayOrderId).ToHashSet()),
            fetched => ids.All(fetched.Contains), Patience, "TrayOrderFetched for each order");
        await _probe!.PublishAsync(new OrderImported(Tenant, Store, ids[0], Guid.NewGuid(), ReadyForNfe: true, DateTimeOffset.UtcNow));
        await _probe.PublishAsync(new OrderImported(Tenant, Store, ids[1], Guid.NewGuid(), ReadyForNfe: false, DateTimeOffset.UtcNow));
        await _probe.PublishAsync(new OrderImportFailed(Tenant, Store, ids[2],
            "O total da Tray (R$ 100,00) difere do calculado (R$ 107,50).", DateTimeOffset.UtcNow));

        var done = await Eventually.ReturnsAsync(() => ProgressAsync(accepted.ImportId), p => p.Finished, Patience, "the import finished");
        Assert.Equal((4, 4, 2, 0, 2), (done.Total, done.Done, done.Integrated, done.Pending, done.Failed));
        var byId = done.Orders.ToDictionary(o => o.TrayOrderId);
        Assert.All(ids[..2], id => Assert.Equal((OrderSituations.Integrated, (Reason?)null), (byId[id].Situation, byId[id].Reason)));
        Assert.NotNull(byId[ids[0]].SalesOrderId);
        Assert.Equal((OrderSituations.Error, new Reason(OrderReasonCodes.ImportFailed, "O total da Tray (R$ 100,00) difere do calculado (R$ 107,50).")),
            (byId[ids[2]].Situation, byId[ids[2]].Reason));
        Assert.Equal((OrderSituations.Error, new Reason(OrderReasonCodes.NotFoundOnTray, "Pedido não encontrado na Tray.")),
            (byId[missing].Situation, byId[missing].Reason));
        // The list shows the same pair on the row.
        var row = (await client.GetFromJsonAsync<TrayOrderPage>($"api/tray/orders?storeId={Store}&situation=Erro", Cancel))!.Items
            .Single(r => r.TrayOrderId == ids[2]);
        Assert.Equal((OrderReasonCodes.ImportFailed, "O total da Tray (R$ 100,00) difere do calculado (R$ 107,50)."), (row.ReasonCode, row.Reason));
    }

    [Fact]
    public async Task Orders_already_imported_are_listed_apart_and_count_as_done_at_once_and_another_tenant_cannot_read_the_import()
    {
        var ids = await StartAsync(orders: 2);
        using var client = _harness!.Client(Tenant);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("api/tray/orders/import", new ImportOrdersRequest(Store, [ids[0]]), Cancel)).StatusCode);
        await Eventually.ReturnsAsync(() => Task.FromResult(_probe!.OrdersFetched.Any(o => o.TrayOrderId == ids[0])), fetched => fetched, Patience,
            "TrayOrderFetched");
        await _probe!.PublishAsync(new OrderImported(Tenant, Store, ids[0], Guid.NewGuid(), ReadyForNfe: true, DateTimeOffset.UtcNow));
        await Eventually.ReturnsAsync(() => client.GetFromJsonAsync<TrayOrderPage>($"api/tray/orders?storeId={Store}&situation=Integrado", Cancel),
            page => page!.Total == 1, Patience, "the first order Integrado");

        var again = await client.PostAsJsonAsync("api/tray/orders/import", new ImportOrdersRequest(Store, [ids[0], ids[1]]), Cancel);

        var accepted = (await again.Content.ReadFromJsonAsync<ImportAccepted>(Cancel))!;
        Assert.Equal([ids[1]], accepted.Scheduled);
        Assert.Equal([ids[0]], accepted.AlreadyImportedOrInProgress);
        var progress = await ProgressAsync(accepted.ImportId);
        Assert.Equal(2, progress.Total);
        Assert.Equal(OrderSituations.Integrated, progress.Orders.Single(o => o.TrayOrderId == ids[0]).Situation);
        Assert.True(progress.Integrated >= 1);
        using var stranger = _harness.Client("tenant-import-progress-other");
        var hidden = await stranger.GetAsync($"api/tray/orders/imports/{accepted.ImportId}", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(TrayProblemCodes.ImportNotFound, (await hidden.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty(ApiProblem.CodeMember).GetString());
    }

    [Fact]
    public async Task Bad_requests_name_the_field_in_Portuguese_and_a_page_holds_at_most_100_orders()
    {
        await StartAsync(orders: 1);
        using var client = _harness!.Client(Tenant);

        var tooMany = await client.PostAsJsonAsync("api/tray/orders/import",
            new ImportOrdersRequest(Store, Enumerable.Range(1, ImportOrdersRequest.MaxOrders + 1).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList()), Cancel);
        var bigPage = await client.GetAsync($"api/tray/orders?storeId={Store}&pageSize={TrayOrderPage.MaxPageSize + 1}", Cancel);

        foreach (var (response, field, message) in new[] { (tooMany, "trayOrderIds", "Selecione de 1 a 500 pedidos da Tray."),
                     (bigPage, "pageSize", "De 1 a 100 pedidos por página.") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
            Assert.Equal(ApiProblem.Validation, problem.GetProperty(ApiProblem.CodeMember).GetString());
            Assert.Equal(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
        }
        var full = (await client.GetFromJsonAsync<TrayOrderPage>($"api/tray/orders?storeId={Store}&pageSize={TrayOrderPage.MaxPageSize}", Cancel))!;
        Assert.Equal((1, 100, 1), (full.Total, full.PageSize, full.Items.Count));
    }

    public async ValueTask DisposeAsync()
    {
        if (_probe is not null) await _probe.DisposeAsync();
        if (_harness is not null) await _harness.DisposeAsync();
    }
}
