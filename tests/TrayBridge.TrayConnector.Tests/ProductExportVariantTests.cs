using System.Text.Json;
using static TrayBridge.TrayConnector.Tests.ProductExportVariantData;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>Variations exported as Tray variants (tray-api.md §3.6): created with every field, updated in place by later
/// versions, deleted when the ERP drops them, and never duplicated — by a re-export, by two connector processes, or by a
/// variant Tray already has.</summary>
public sealed class ProductExportVariantTests : IAsyncDisposable
{
    private const string Store = "530101";
    private ConnectorHarness? _harness;
    private BusProbe? _probe;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(ConnectorHarness Harness, BusProbe Probe)> StartAsync()
    {
        _harness = await ConnectorHarness.StartAsync(window: TimeSpan.FromSeconds(1), perWindow: 100);
        await _harness.ConnectAsync(Tenant, Store, products: 0);
        _probe = await BusProbe.StartAsync(_harness);
        return (_harness, _probe);
    }

    internal static string Grid(JsonElement v) =>
        string.Join("/", v.GetProperty("Sku").EnumerateArray().Select(s => $"{s.GetProperty("type").GetString()}={s.GetProperty("value").GetString()}"));

    [Fact]
    public async Task Variations_become_variants_with_their_fields_and_a_later_version_updates_deletes_and_adds_without_duplicating()
    {
        var (harness, probe) = await StartAsync();
        var (productId, blue, black, green) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var v1 = Tshirt(Store, productId, "CAM", 1, Variation(blue, "CAM-AZ-M", "Azul", "M") with { Ean = "7891000315507", PromotionalPrice = 70m },
            Variation(black, "CAM-PR-G", "Preto", "G", price: 85m, stock: 4) with { WeightGrams = 350 });

        await probe.PublishAsync(v1);
        var first = (await probe.OutcomeAsync(v1.ExportId, productId)).Exported!;

        var variants = (await harness.VariantsAsync(Store, first.TrayProductId)).ToDictionary(v => v.GetProperty("reference").GetString()!);
        Assert.Equal([blue, black], first.Variants.Select(v => v.VariationId));
        Assert.Equal(first.Variants.Select(v => v.TrayVariantId).Order(), variants.Values.Select(v => v.GetProperty("id").GetString()).Order());
        var az = variants["CAM-AZ-M"];
        Assert.Equal(("Cor=Azul/Tamanho=M", "7891000315507", "80.00", "70.00", "30.00", "3", "300", "2026-01-01", "1"),
            (Grid(az), az.GetProperty("ean").GetString(), az.GetProperty("price").GetString(), az.GetProperty("promotional_price").GetString(),
             az.GetProperty("cost_price").GetString(), az.GetProperty("stock").GetString(), az.GetProperty("weight").GetString(),
             az.GetProperty("start_promotion").GetString(), az.GetProperty("order").GetString()));
        Assert.Equal(("Cor=Preto/Tamanho=G", "85.00", "4", "350"), (Grid(variants["CAM-PR-G"]), variants["CAM-PR-G"].GetProperty("price").GetString(),
            variants["CAM-PR-G"].GetProperty("stock").GetString(), variants["CAM-PR-G"].GetProperty("weight").GetString()));

        // v2: blue changes price, black is dropped, green is new.
        var v2 = Tshirt(Store, productId, "CAM", 2, Variation(blue, "CAM-AZ-M", "Azul", "M", price: 90m, stock: 1), Variation(green, "CAM-VD-P", "Verde", "P"));
        await probe.PublishAsync(v2);
        var second = (await probe.OutcomeAsync(v2.ExportId, productId)).Exported!;

        var after = (await harness.VariantsAsync(Store, first.TrayProductId)).ToDictionary(v => v.GetProperty("reference").GetString()!);
        Assert.Equal(["CAM-AZ-M", "CAM-VD-P"], after.Keys.Order());
        Assert.Equal(az.GetProperty("id").GetString(), after["CAM-AZ-M"].GetProperty("id").GetString());
        Assert.Equal(("90.00", "1"), (after["CAM-AZ-M"].GetProperty("price").GetString(), after["CAM-AZ-M"].GetProperty("stock").GetString()));
        Assert.Equal([(blue, az.GetProperty("id").GetString()), (green, after["CAM-VD-P"].GetProperty("id").GetString())],
            second.Variants.Select(v => (v.VariationId, (string?)v.TrayVariantId)));

        // The same version again, and an older one arriving late, change nothing on Tray.
        var writes = harness.Simulator.Admin.Requests(Store, 1000).Count(r => r.Method is "PUT" or "POST" or "DELETE");
        var again = v2 with { ExportId = Guid.NewGuid() };
        var late = v1 with { ExportId = Guid.NewGuid() };
        await probe.PublishAsync(again);
        await probe.PublishAsync(late);
        Assert.Equal(second.Variants, (await probe.OutcomeAsync(again.ExportId, productId)).Exported!.Variants);
        Assert.Equal(2, (await probe.OutcomeAsync(late.ExportId, productId)).Exported!.ProductVersion);
        Assert.Equal(writes, harness.Simulator.Admin.Requests(Store, 1000).Count(r => r.Method is "PUT" or "POST" or "DELETE"));
        Assert.Equal(2, (await harness.VariantsAsync(Store, first.TrayProductId)).Count);
    }

    public async ValueTask DisposeAsync()
    {
        if (_probe is not null) await _probe.DisposeAsync();
        if (_harness is not null) await _harness.DisposeAsync();
    }
}
