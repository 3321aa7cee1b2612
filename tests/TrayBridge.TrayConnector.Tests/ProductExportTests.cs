using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrayBridge.Contracts.Catalog;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Json;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>The connector's side of Exportar Produtos, against the simulator, driven over the bus as the Catalog does.</summary>
public sealed class ProductExportTests : IAsyncDisposable
{
    private const string Tenant = "tenant-export";
    private const string Store = "530001";
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

    private static ProductExportRequested Snapshot(Guid productId, string sku, long version, decimal price = 79.9m) =>
        new(Tenant, Store, Guid.NewGuid(), productId, version, sku, $"Camiseta {sku}", price, 12, DateTimeOffset.UtcNow)
        {
            Ean = "7891234567895", Ncm = "61091000", Description = "<p>Algodão</p>", ShortDescription = "Básica", CostPrice = 30m,
            Brand = "Marca", WeightGrams = 300, LengthCm = 30, WidthCm = 20, HeightCm = 3,
        };

    private async Task<List<JsonElement>> TrayProductsAsync(string reference)
    {
        await using var scope = _harness!.Scope();
        var tray = scope.ServiceProvider.GetRequiredService<TrayApiClient>();
        var found = new List<JsonElement>();
        await foreach (var product in tray.ListAllAsync(Tenant, Store, "products", "Products", "Product", TrayPriority.Polling, Cancel))
            if (product.GetProperty("reference").GetString() == reference) found.Add(product);
        return found;
    }

    private async Task<string> PutOnTrayAsync(string reference)
    {
        await using var scope = _harness!.Scope();
        return await scope.ServiceProvider.GetRequiredService<TrayApiClient>().CreateAsync(Tenant, Store, "products",
            TrayJson.Envelope("Product", new { name = $"Já na Tray {reference}", reference, price = 10m }), _ => Task.FromResult<string?>(null),
            TrayPriority.Polling, Cancel);
    }

    [Fact]
    public async Task A_new_product_is_created_with_its_fields_and_a_later_version_updates_it_without_duplicating()
    {
        var (_, probe) = await StartAsync();
        var productId = Guid.NewGuid();
        var v1 = Snapshot(productId, "CAM-AZ-M", 1);

        await probe.PublishAsync(v1);
        var first = (await probe.OutcomeAsync(v1.ExportId, productId)).Exported!;
        var v2 = Snapshot(productId, "CAM-AZ-M", 2, price: 89.9m);
        await probe.PublishAsync(v2);
        var second = (await probe.OutcomeAsync(v2.ExportId, productId)).Exported!;

        Assert.Equal(first.TrayProductId, second.TrayProductId);
        var product = Assert.Single(await TrayProductsAsync("CAM-AZ-M"));
        Assert.Equal(("Camiseta CAM-AZ-M", "89.90", "12", "7891234567895", "61091000", "300"),
            (product.GetProperty("name").GetString(), product.GetProperty("price").GetString(), product.GetProperty("stock").GetString(),
             product.GetProperty("ean").GetString(), product.GetProperty("ncm").GetString(), product.GetProperty("weight").GetString()));
    }

    [Fact]
    public async Task Only_the_picture_slots_that_change_are_sent_and_a_removed_picture_leaves_Tray_the_others_in_order()
    {
        var (harness, probe) = await StartAsync();
        var productId = Guid.NewGuid();
        static string Picture(string name) => $"http://127.0.0.1:9/public/catalog/images/{name}.jpg";
        async Task<string> ExportAsync(long version, decimal price, params string[] pictures)
        {
            var snapshot = Snapshot(productId, "CAM-PIC", version, price) with { ImageUrls = [.. pictures.Select(Picture)] };
            await probe.PublishAsync(snapshot);
            return (await probe.OutcomeAsync(snapshot.ExportId, productId)).Exported!.TrayProductId;
        }
        // Tray downloads every address it is sent, unchanged or not: its downloads are what the connector sent.
        List<(int Slot, string Url)> Downloads() => [.. harness.Simulator.Admin.Pictures(Store).Select(d => (d.Slot, d.Url))];

        var trayId = long.Parse(await ExportAsync(1, 79.9m, "a", "b", "c"));
        Assert.Equal([(1, Picture("a")), (2, Picture("b")), (3, Picture("c"))], Downloads());

        await ExportAsync(2, 79.9m, "a", "x", "c");
        Assert.Equal([(2, Picture("x"))], Downloads().Skip(3));

        await ExportAsync(3, 89.9m, "a", "x", "c"); // a new price, the same pictures
        Assert.Equal(4, Downloads().Count);

        await ExportAsync(4, 89.9m, "x", "c"); // picture 1 removed: Tray moves the other two down
        Assert.Equal([Picture("x"), Picture("c")], harness.Simulator.Admin.ProductPictures(Store, trayId));
        Assert.Equal(4, Downloads().Count);

        await ExportAsync(5, 89.9m, "x", "c", "d");
        Assert.Equal([(3, Picture("d"))], Downloads().Skip(4));

        await ExportAsync(6, 89.9m, "y"); // x replaced, c and d removed: slot 1 sent, slots 2 and 3 blanked
        Assert.Equal([Picture("y")], harness.Simulator.Admin.ProductPictures(Store, trayId));
        Assert.Equal([(1, Picture("y"))], Downloads().Skip(5));
        Assert.Equal("89.90", Assert.Single(await TrayProductsAsync("CAM-PIC")).GetProperty("price").GetString());
    }

    [Fact]
    public async Task An_older_snapshot_arriving_late_is_not_sent_over_a_newer_one()
    {
        var (harness, probe) = await StartAsync();
        var productId = Guid.NewGuid();
        var v2 = Snapshot(productId, "CAM-OLD", 2, price: 50m);
        await probe.PublishAsync(v2);
        await probe.OutcomeAsync(v2.ExportId, productId);
        var writes = harness.Simulator.Admin.Requests(Store, 1000).Count(r => r.Method is "PUT" or "POST");

        var v1 = Snapshot(productId, "CAM-OLD", 1, price: 40m);
        await probe.PublishAsync(v1);
        var late = (await probe.OutcomeAsync(v1.ExportId, productId)).Exported!;

        Assert.Equal(2, late.ProductVersion);
        Assert.Equal(writes, harness.Simulator.Admin.Requests(Store, 1000).Count(r => r.Method is "PUT" or "POST"));
        Assert.Equal("50.00", Assert.Single(await TrayProductsAsync("CAM-OLD")).GetProperty("price").GetString());
    }

    [Fact]
    public async Task A_product_already_on_Tray_with_the_same_reference_is_adopted_and_CAM_1_is_not_taken_for_CAM_10_nor_by_its_EAN()
    {
        var (_, probe) = await StartAsync();
        var existing = await PutOnTrayAsync("CAM-2");
        await PutOnTrayAsync("CAM-10");

        // All snapshots here share one EAN: CAM-1 must not take CAM-2's product through it (CAM-2 has a reference).
        var adopt = Snapshot(Guid.NewGuid(), "CAM-2", 1);
        await probe.PublishAsync(adopt);
        var create = Snapshot(Guid.NewGuid(), "CAM-1", 1);
        await probe.PublishAsync(create);

        Assert.Equal(existing, (await probe.OutcomeAsync(adopt.ExportId, adopt.ProductId)).Exported!.TrayProductId);
        var created = (await probe.OutcomeAsync(create.ExportId, create.ProductId)).Exported!.TrayProductId;
        Assert.Equal("Camiseta CAM-2", Assert.Single(await TrayProductsAsync("CAM-2")).GetProperty("name").GetString());
        Assert.Equal(created, Assert.Single(await TrayProductsAsync("CAM-1")).GetProperty("id").ToString());
        Assert.Single(await TrayProductsAsync("CAM-10"));
    }

    [Fact]
    public async Task A_product_on_Tray_without_a_reference_is_adopted_by_its_EAN()
    {
        var (_, probe) = await StartAsync();
        string manual;
        await using (var scope = _harness!.Scope())
            manual = await scope.ServiceProvider.GetRequiredService<TrayApiClient>().CreateAsync(Tenant, Store, "products",
                TrayJson.Envelope("Product", new { name = "Cadastrada à mão", ean = "7891234567895", price = 10m }),
                _ => Task.FromResult<string?>(null), TrayPriority.Polling, Cancel);

        var request = Snapshot(Guid.NewGuid(), "CAM-EAN", 1);
        await probe.PublishAsync(request);

        Assert.Equal(manual, (await probe.OutcomeAsync(request.ExportId, request.ProductId)).Exported!.TrayProductId);
        Assert.Equal(manual, Assert.Single(await TrayProductsAsync("CAM-EAN")).GetProperty("id").ToString());
    }

    [Fact]
    public async Task A_product_Tray_refuses_fails_with_each_fields_reason_from_Trays_errors_map()
    {
        var (_, probe) = await StartAsync();

        var request = Snapshot(Guid.NewGuid(), "CAM-PESADA", 1) with { WeightGrams = 1_500_000_000 };
        await probe.PublishAsync(request);

        var failed = (await probe.OutcomeAsync(request.ExportId, request.ProductId)).Failed!;
        Assert.Equal("A Tray recusou o produto: Peso (weight): O campo weight deve ter no máximo 9 dígitos", failed.Reason);
        Assert.Equal(["Peso (weight): O campo weight deve ter no máximo 9 dígitos"], failed.Causes);
        Assert.Empty(await TrayProductsAsync("CAM-PESADA"));
    }

    [Fact]
    public async Task Two_Tray_products_with_one_reference_make_the_export_fail_as_ambiguous()
    {
        var (_, probe) = await StartAsync();
        await PutOnTrayAsync("CAM-DUP");
        await PutOnTrayAsync("CAM-DUP");

        var request = Snapshot(Guid.NewGuid(), "CAM-DUP", 1);
        await probe.PublishAsync(request);

        var failed = (await probe.OutcomeAsync(request.ExportId, request.ProductId)).Failed!;
        Assert.Contains("ambígua", failed.Reason);
        Assert.Equal(2, (await TrayProductsAsync("CAM-DUP")).Count);
    }

    [Fact]
    public async Task Exported_at_once_by_two_connector_processes_a_product_is_created_once()
    {
        var (harness, probe) = await StartAsync();
        await harness.StartReplicaAsync();
        var productId = Guid.NewGuid();
        var requests = Enumerable.Range(0, 4).Select(_ => Snapshot(productId, "CAM-RACE", 1)).ToList();

        await Task.WhenAll(requests.Select(probe.PublishAsync));

        foreach (var request in requests) Assert.NotNull((await probe.OutcomeAsync(request.ExportId, productId)).Exported);
        Assert.Single(await TrayProductsAsync("CAM-RACE"));
    }

    [Fact]
    public async Task A_product_deleted_on_Tray_shows_a_broken_link_instead_of_a_silent_duplicate()
    {
        var (_, probe) = await StartAsync();
        var productId = Guid.NewGuid();
        var v1 = Snapshot(productId, "CAM-DEL", 1);
        await probe.PublishAsync(v1);
        var trayId = (await probe.OutcomeAsync(v1.ExportId, productId)).Exported!.TrayProductId;
        await using (var scope = _harness!.Scope())
            (await scope.ServiceProvider.GetRequiredService<TrayApiClient>()
                .SendAsync(Tenant, Store, HttpMethod.Delete, $"products/{trayId}", null, TrayPriority.Polling, Cancel)).Dispose();

        var v2 = Snapshot(productId, "CAM-DEL", 2);
        await probe.PublishAsync(v2);

        var failed = (await probe.OutcomeAsync(v2.ExportId, productId)).Failed!;
        Assert.Contains("excluído na Tray", failed.Reason);
        Assert.False(failed.Retryable);
        Assert.Empty(await TrayProductsAsync("CAM-DEL"));

        var recreate = Snapshot(productId, "CAM-DEL", 2) with { LinkAction = "recreate" };
        await probe.PublishAsync(recreate);

        var recreated = (await probe.OutcomeAsync(recreate.ExportId, productId)).Exported!.TrayProductId;
        Assert.NotEqual(trayId, recreated);
        Assert.Equal(recreated, Assert.Single(await TrayProductsAsync("CAM-DEL")).GetProperty("id").ToString());
    }

    [Fact]
    public async Task A_broken_link_can_be_pointed_at_another_product_on_Tray()
    {
        var (_, probe) = await StartAsync();
        var productId = Guid.NewGuid();
        var v1 = Snapshot(productId, "CAM-RL", 1);
        await probe.PublishAsync(v1);
        var trayId = (await probe.OutcomeAsync(v1.ExportId, productId)).Exported!.TrayProductId;
        await using (var scope = _harness!.Scope())
            (await scope.ServiceProvider.GetRequiredService<TrayApiClient>()
                .SendAsync(Tenant, Store, HttpMethod.Delete, $"products/{trayId}", null, TrayPriority.Polling, Cancel)).Dispose();
        var v2 = Snapshot(productId, "CAM-RL", 2);
        await probe.PublishAsync(v2);
        Assert.NotNull((await probe.OutcomeAsync(v2.ExportId, productId)).Failed);
        var other = await PutOnTrayAsync("CAM-RL-TRAY");

        var relink = Snapshot(productId, "CAM-RL", 2) with { LinkAction = "relink", RelinkTrayProductId = other };
        await probe.PublishAsync(relink);

        Assert.Equal(other, (await probe.OutcomeAsync(relink.ExportId, productId)).Exported!.TrayProductId);
        Assert.Equal("Camiseta CAM-RL", Assert.Single(await TrayProductsAsync("CAM-RL")).GetProperty("name").GetString());
    }

    public async ValueTask DisposeAsync()
    {
        if (_probe is not null) await _probe.DisposeAsync();
        if (_harness is not null) await _harness.DisposeAsync();
    }
}
