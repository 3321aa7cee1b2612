using System.Net.Http.Json;
using TrayBridge.Api.Catalog;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.TestSupport;
using static TrayBridge.Catalog.Tests.EnsureProductsData;

namespace TrayBridge.Catalog.Tests;

/// <summary><c>GET /api/catalog/exports/{id}</c> as the panel reads it for a live "n de N": counts from the items, each product's
/// state with its reason code, Portuguese reason and Tray's causes; the same code on the product list's last error.</summary>
[Collection(nameof(CatalogHarness))]
public sealed class ExportProgressTests(CatalogHarness harness)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Progress_counts_done_integrated_failed_and_pending_and_each_failure_has_a_code()
    {
        var tenant = NewTenant();
        using var erp = harness.Client(tenant);
        await harness.ConnectStoreAsync(erp, tenant, Store);
        var integrated = await erp.CreateAsync("PRG-1", "Caneca integrada");
        var unmapped = await erp.CreateAsync("PRG-2", "Caneca sem categoria");
        var uncoded = await erp.CreateAsync("PRG-3", "Caneca recusada");
        var deleted = await erp.CreateAsync("PRG-4", "Caneca excluída");
        await erp.DeleteAsync($"api/catalog/products/{deleted}", Cancel);
        var exportId = await erp.ExportAsync(Store, integrated, unmapped, uncoded, deleted);

        var started = await ProgressAsync(erp, exportId, p => p.Total == 4, "the export started");
        Assert.Equal((ExportStatuses.InProgress, 1, 3, 0, 1), (started.Status, started.Done, started.Pending, started.Integrated, started.Failed));
        Assert.Equal("Caneca integrada", started.Items.Single(i => i.ProductId == integrated).Name);
        var gone = started.Items.Single(i => i.ProductId == deleted);
        Assert.Equal((ExportItemStates.Failed, ExportReasonCodes.ProductDeleted), (gone.Status, gone.ReasonCode));

        var at = DateTimeOffset.UtcNow;
        await harness.PublishAsync(new ProductExported(tenant, Store, exportId, integrated, 1, "9001", [], at));
        await harness.PublishAsync(new ProductExportFailed(tenant, Store, exportId, unmapped, 1,
            "Categoria 'Casa' sem correspondente na loja.", [], true, at) { ReasonCode = "export.category_unmapped" });
        var partial = await ProgressAsync(erp, exportId, p => p.Done == 3, "two outcomes applied");
        Assert.Equal((ExportStatuses.InProgress, 4, 1, 1, 1, 2), (partial.Status, partial.Total, partial.Pending, partial.Integrated,
            partial.Exported, partial.Failed));

        // A sender without codes still gives the panel one to decide on.
        await harness.PublishAsync(new ProductExportFailed(tenant, Store, exportId, uncoded, 1, "A Tray recusou o produto: Bad Request",
            ["ncm inválido"], true, at));
        var done = await ProgressAsync(erp, exportId, p => p.Pending == 0, "every outcome applied");
        Assert.Equal((ExportStatuses.CompletedWithErrors, 4, 1, 3), (done.Status, done.Done, done.Integrated, done.Failed));
        var refused = done.Items.Single(i => i.ProductId == uncoded);
        Assert.Equal((ExportReasonCodes.Failed, "A Tray recusou o produto: Bad Request", "ncm inválido"),
            (refused.ReasonCode, refused.Reason, Assert.Single(refused.Causes)));
        Assert.Equal(("9001", null), (done.Items.Single(i => i.ProductId == integrated).TrayProductId,
            done.Items.Single(i => i.ProductId == integrated).ReasonCode));

        var page = await erp.GetFromJsonAsync<ProductPage>($"api/catalog/products?storeId={Store}&situation=Erro", Cancel);
        var row = Assert.Single(page!.Items, r => r.Id == unmapped);
        Assert.Equal(("export.category_unmapped", "Categoria 'Casa' sem correspondente na loja."), (row.LastError?.ReasonCode, row.LastError?.Reason));
        var summary = Assert.Single(await erp.GetFromJsonAsync<List<ExportSummary>>($"api/catalog/exports?storeId={Store}", Cancel) ?? []);
        Assert.Equal((exportId, 4, 4, 1, 3, 0), (summary.ExportId, summary.Total, summary.Done, summary.Integrated, summary.Failed, summary.Pending));
    }

    private static Task<ExportProgress> ProgressAsync(HttpClient erp, Guid exportId, Func<ExportProgress, bool> done, string what) =>
        Eventually.ReturnsAsync(async () => (await erp.GetFromJsonAsync<ExportProgress>($"api/catalog/exports/{exportId}", Cancel))!, done,
            Wait, what);
}
