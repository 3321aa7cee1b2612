using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrayBridge.TrayConnector.Features.ProductExport;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Json;
using TrayBridge.TraySimulator.Gateway;
using static TrayBridge.TrayConnector.Tests.ProductExportVariantData;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>No duplicate variants: those Tray already has are adopted (by exact reference, else by grid when they have no
/// reference); two connector processes, a lost answer or a variant deleted on Tray still leave exactly one per variation.</summary>
public sealed class ProductExportVariantAdoptionTests : IAsyncDisposable
{
    private const string Store = "530102";
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

    private async Task<string> CreateOnTrayAsync(string path, string wrapper, object body)
    {
        await using var scope = _harness!.Scope();
        return await scope.ServiceProvider.GetRequiredService<TrayApiClient>().CreateAsync(Tenant, Store, path, TrayJson.Envelope(wrapper, body),
            _ => Task.FromResult<string?>(null), TrayPriority.Polling, Cancel);
    }

    [Fact]
    public async Task Variants_already_on_Tray_are_adopted_by_exact_reference_or_by_grid_and_others_are_left_alone()
    {
        var (_, probe) = await StartAsync();
        var product = await CreateOnTrayAsync("products", "Product", new { name = "Já na Tray", reference = "ADO", price = 10m });
        var byReference = await CreateOnTrayAsync("products/variants", "Variant", new { product_id = product, reference = "ADO-AZ-M", price = 1m, type_1 = "Cor", value_1 = "Azul", type_2 = "Tamanho", value_2 = "M" });
        var lookalike = await CreateOnTrayAsync("products/variants", "Variant", new { product_id = product, reference = "ADO-AZ-M0", price = 1m, type_1 = "Cor", value_1 = "Azul", type_2 = "Tamanho", value_2 = "G" });
        var byGrid = await CreateOnTrayAsync("products/variants", "Variant", new { product_id = product, price = 1m, type_1 = "Cor", value_1 = "Preto", type_2 = "Tamanho", value_2 = "G" });

        var request = Tshirt(Store, Guid.NewGuid(), "ADO", 1, Variation(Guid.NewGuid(), "ADO-AZ-M", "Azul", "M"), Variation(Guid.NewGuid(), "ADO-PR-G", "Preto", "G"),
            Variation(Guid.NewGuid(), "ADO-VD-P", "Verde", "P"));
        await probe.PublishAsync(request);
        var exported = (await probe.OutcomeAsync(request.ExportId, request.ProductId)).Exported!;

        Assert.Equal(product, exported.TrayProductId);
        Assert.Equal(byReference, exported.Variants[0].TrayVariantId);
        Assert.Equal(byGrid, exported.Variants[1].TrayVariantId);
        var onTray = await _harness!.VariantsAsync(Store, product);
        Assert.Equal(4, onTray.Count);
        Assert.Equal("ADO-PR-G", onTray.Single(v => v.GetProperty("id").GetString() == byGrid).GetProperty("reference").GetString());
        Assert.Equal("1.00", onTray.Single(v => v.GetProperty("id").GetString() == lookalike).GetProperty("price").GetString());
    }

    [Fact]
    public async Task A_new_version_exported_at_once_by_two_connector_processes_creates_each_new_variant_once()
    {
        var (harness, probe) = await StartAsync();
        await harness.StartReplicaAsync();
        var productId = Guid.NewGuid();
        var v1 = Tshirt(Store, productId, "RACE", 1, Variation(Guid.NewGuid(), "RACE-1", "Azul", "P"));
        await probe.PublishAsync(v1);
        var trayId = (await probe.OutcomeAsync(v1.ExportId, productId)).Exported!.TrayProductId;

        var added = Enumerable.Range(2, 4).Select(i => Variation(Guid.NewGuid(), $"RACE-{i}", "Azul", $"T{i}")).ToArray();
        var copies = Enumerable.Range(0, 4).Select(_ => Tshirt(Store, productId, "RACE", 2, [v1.Variations[0], .. added])).ToList();
        await Task.WhenAll(copies.Select(probe.PublishAsync));

        foreach (var copy in copies) Assert.Equal(5, (await probe.OutcomeAsync(copy.ExportId, productId)).Exported!.Variants.Count);
        Assert.Equal(["RACE-1", "RACE-2", "RACE-3", "RACE-4", "RACE-5"], (await harness.VariantsAsync(Store, trayId)).Select(v => v.Field("reference")).Order());
    }

    [Fact]
    public async Task A_variant_deleted_on_Tray_is_made_again_by_the_next_export()
    {
        var (harness, probe) = await StartAsync();
        var (productId, blue) = (Guid.NewGuid(), Guid.NewGuid());
        var v1 = Tshirt(Store, productId, "GONE", 1, Variation(blue, "GONE-AZ", "Azul", "M"));
        await probe.PublishAsync(v1);
        var first = (await probe.OutcomeAsync(v1.ExportId, productId)).Exported!;
        await using (var scope = harness.Scope())
            (await scope.ServiceProvider.GetRequiredService<TrayApiClient>().SendAsync(Tenant, Store, HttpMethod.Delete,
                $"products/variants/{first.Variants[0].TrayVariantId}", null, TrayPriority.Polling, Cancel)).Dispose();

        var v2 = Tshirt(Store, productId, "GONE", 2, Variation(blue, "GONE-AZ", "Azul", "M", stock: 9));
        await probe.PublishAsync(v2);
        var second = (await probe.OutcomeAsync(v2.ExportId, productId)).Exported!;

        var variant = Assert.Single(await harness.VariantsAsync(Store, first.TrayProductId));
        Assert.Equal((second.Variants[0].TrayVariantId, "9"), (variant.Id(), variant.Field("stock")));
        Assert.NotEqual(first.Variants[0].TrayVariantId, second.Variants[0].TrayVariantId);
    }

    [Fact]
    public async Task A_variant_creation_whose_answer_is_lost_is_found_and_not_created_twice()
    {
        var (harness, _) = await StartAsync();
        var product = await CreateOnTrayAsync("products", "Product", new { name = "Camiseta", reference = "LOST", price = 10m });
        var request = Tshirt(Store, Guid.NewGuid(), "LOST", 1, Variation(Guid.NewGuid(), "LOST-1", "Azul", "P"), Variation(Guid.NewGuid(), "LOST-2", "Azul", "M"));
        var link = new ProductLink { Id = "l", StoreId = Store, TrayProductId = product, State = LinkState.Linked };
        harness.Simulator.Admin.SetFaults(new Faults { FailAfterCommitShare = 1 });

        await using (var scope = harness.Scope())
            Assert.Null(await new ExportVariants(scope.ServiceProvider.GetRequiredService<TrayApiClient>()).ApplyAsync(ProductToExport.From(request), link, Cancel));

        harness.Simulator.Admin.ClearFaults();
        var onTray = await harness.VariantsAsync(Store, product);
        Assert.Equal(["LOST-1", "LOST-2"], onTray.Select(v => v.Field("reference")).Order());
        Assert.Equal(onTray.Select(v => v.Id()).Order(), link.Variants.Select(v => v.TrayVariantId).Order());
    }

    [Fact]
    public async Task Two_Tray_variants_with_one_reference_fail_as_ambiguous_and_the_product_stays_linked()
    {
        var (harness, probe) = await StartAsync();
        var product = await CreateOnTrayAsync("products", "Product", new { name = "Camiseta", reference = "AMB", price = 10m });
        foreach (var size in new[] { "P", "M" })
            await CreateOnTrayAsync("products/variants", "Variant", new { product_id = product, reference = "AMB-1", price = 1m, type_1 = "Tamanho", value_1 = size });

        var request = Tshirt(Store, Guid.NewGuid(), "AMB", 1, Variation(Guid.NewGuid(), "AMB-1", "Azul", "P"));
        await probe.PublishAsync(request);

        Assert.Contains("ambígua", (await probe.OutcomeAsync(request.ExportId, request.ProductId)).Failed!.Reason);
        await using var scope = harness.Scope();
        await using var session = scope.ServiceProvider.GetRequiredService<Marten.IDocumentStore>().QuerySession(Tenant);
        var link = await session.LoadAsync<ProductLink>(ProductLink.IdFor(Store, request.ProductId), Cancel);
        Assert.Equal((LinkState.Linked, product, 0L), (link!.State, link.TrayProductId, link.AppliedVersion));
    }

    public async ValueTask DisposeAsync()
    {
        if (_probe is not null) await _probe.DisposeAsync();
        if (_harness is not null) await _harness.DisposeAsync();
    }
}
