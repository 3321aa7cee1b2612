using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrayBridge.Contracts.Catalog;
using TrayBridge.TestSupport;
using TrayBridge.TraySimulator.Seeding;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>Tray counts an order against its stock when it is placed; until the ERP imports it, the ERP's stock does not
/// know of it. A stock push in between must leave the order's units out, or Tray's stock bounces back up and oversells.</summary>
public sealed class OversellingTests : IAsyncDisposable
{
    private const string Tenant = "tenant-oversell";
    private const string Store = "585001";
    private ConnectorHarness? _harness;
    private BusProbe? _probe;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<decimal> StockOnTrayAsync(string trayId)
    {
        await using var scope = _harness!.Scope();
        var product = await scope.ServiceProvider.GetRequiredService<TrayApiClient>()
            .GetAsync<JsonElement>(Tenant, Store, $"products/{trayId}", TrayPriority.Polling, Cancel);
        return decimal.Parse(product.GetProperty("Product").GetProperty("stock").GetString()!, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task An_ERP_stock_change_before_an_order_is_imported_does_not_give_its_units_back_to_Tray()
    {
        _harness = await ConnectorHarness.StartAsync(window: TimeSpan.FromSeconds(1), perWindow: 100,
            extraSettings: new Dictionary<string, string?> { ["Tray:Orders:PollInterval"] = "00:00:01" });
        await _harness.ConnectAsync(Tenant, Store, products: 0);
        _probe = await BusProbe.StartAsync(_harness);
        var export = new ProductExportRequested(Tenant, Store, Guid.NewGuid(), Guid.NewGuid(), 1, "OVER-1", "Caneca", 30m, 10, DateTimeOffset.UtcNow);
        await _probe.PublishAsync(export);
        var trayId = (await _probe.OutcomeAsync(export.ExportId, export.ProductId)).Exported!.TrayProductId;

        var order = _harness.Simulator.Admin.CreateOrder(Store, new OrderRecipe
        {
            Status = "A ENVIAR", Items = [new RecipeItem(long.Parse(trayId, CultureInfo.InvariantCulture), null, 3)],
        }).ToString(CultureInfo.InvariantCulture);
        Assert.Equal(7, await StockOnTrayAsync(trayId));
        using var client = _harness.Client(Tenant);
        await Eventually.ReturnsAsync(() => client.GetStringAsync($"api/tray/orders?storeId={Store}", Cancel),
            page => page.Contains($"\"trayOrderId\":\"{order}\"") && page.Contains("\"complete\":true"), TimeSpan.FromSeconds(15), "the order mirrored");

        // The ERP (not knowing of the order) now has 12.
        await _probe.PublishAsync(new ProductChanged(Tenant, export.ProductId, 2, "OVER-1", 30m, null, 12, true, DateTimeOffset.UtcNow));

        await Eventually.ReturnsAsync(() => StockOnTrayAsync(trayId), stock => stock == 9, TimeSpan.FromSeconds(30), "12 less the order's 3");
        await Task.Delay(2000, Cancel);
        Assert.Equal(9, await StockOnTrayAsync(trayId));
    }

    public async ValueTask DisposeAsync()
    {
        if (_probe is not null) await _probe.DisposeAsync();
        if (_harness is not null) await _harness.DisposeAsync();
    }
}
