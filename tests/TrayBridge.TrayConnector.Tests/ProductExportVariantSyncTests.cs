using System.Diagnostics;
using TrayBridge.Contracts.Catalog;
using TrayBridge.TestSupport;
using static TrayBridge.TrayConnector.Tests.ProductExportVariantData;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>After the export, a variation's price and stock changes reach its Tray variant through the continuous sync
/// (tray-api.md §3.7: <c>PUT /products/variants/{id}</c>), and only the variants that changed are written.</summary>
public sealed class ProductExportVariantSyncTests : IAsyncDisposable
{
    private const string Store = "530103";
    private ConnectorHarness? _harness;
    private BusProbe? _probe;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ProductChanged Change(Guid productId, long version, params VariationChanged[] variations) =>
        new(Tenant, productId, version, "SYNC", 80m, null, variations.Sum(v => v.Stock), true, DateTimeOffset.UtcNow) { Variations = variations };

    private int PutsTo(string variantId) =>
        _harness!.Simulator.Admin.Requests(Store, 1000).Count(r => r.Method == "PUT" && r.Path.Split('?')[0].EndsWith($"/products/variants/{variantId}"));

    [Fact]
    public async Task A_variation_stock_change_reaches_its_variant_and_leaves_the_others_unwritten()
    {
        _harness = await ConnectorHarness.StartAsync(window: TimeSpan.FromSeconds(1), perWindow: 100);
        await _harness.ConnectAsync(Tenant, Store, products: 0);
        _probe = await BusProbe.StartAsync(_harness);
        var (productId, blue, black) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var export = Tshirt(Store, productId, "SYNC", 1, Variation(blue, "SYNC-AZ", "Azul", "M", stock: 3), Variation(black, "SYNC-PR", "Preto", "M", stock: 4));
        await _probe.PublishAsync(export);
        var exported = (await _probe.OutcomeAsync(export.ExportId, productId)).Exported!;
        var (blueOnTray, blackOnTray) = (exported.Variants[0].TrayVariantId, exported.Variants[1].TrayVariantId);
        var (blackPuts, bluePuts) = (PutsTo(blackOnTray), PutsTo(blueOnTray));

        var clock = Stopwatch.StartNew();
        for (var version = 2; version <= 21; version++)
            await _probe.PublishAsync(Change(productId, version, new(blue, "SYNC-AZ", 80m + version, null, version), new(black, "SYNC-PR", 80m, null, 4)));
        var consumed = await _harness.ConsumedAsync(Tenant, productId, 20, clock);

        var variant = await Eventually.ReturnsAsync(async () => (await _harness.VariantsAsync(Store, exported.TrayProductId)).Single(v => v.Id() == blueOnTray),
            v => v.Field("stock") == "21", TimeSpan.FromSeconds(30), "stock 21 on the blue variant");
        await Task.Delay(TimeSpan.FromSeconds(2), Cancel); // a straggling run would show up here
        Assert.Equal("101.00", variant.Field("price"));
        Assert.InRange(PutsTo(blueOnTray) - bluePuts, 1, ProductSyncBursts.MostCalls(consumed));
        Assert.Equal(blackPuts, PutsTo(blackOnTray));
        Assert.Equal("4", (await _harness.VariantsAsync(Store, exported.TrayProductId)).Single(v => v.Id() == blackOnTray).Field("stock"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_probe is not null) await _probe.DisposeAsync();
        if (_harness is not null) await _harness.DisposeAsync();
    }
}
