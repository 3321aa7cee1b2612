using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.TestSupport;
using static TrayBridge.Catalog.Tests.EnsureProductsData;

namespace TrayBridge.Catalog.Tests;

/// <summary><c>DELETE /api/catalog/products/{id}</c>: gone from the API and exports, unavailable on Tray through the sync, SKU kept.</summary>
[Collection(nameof(CatalogHarness))]
public sealed class ProductSoftDeleteTests(CatalogHarness harness)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_deleted_product_is_hidden_publishes_unavailable_keeps_its_SKU_and_is_kept_out_of_exports_with_a_reason()
    {
        var tenant = NewTenant();
        using var erp = harness.Client(tenant);
        await harness.ConnectStoreAsync(erp, tenant, Store);
        var changes = await harness.WatchChangesAsync();
        var gone = await erp.CreateAsync("DEL-1", "Caneca apagada");
        var kept = await erp.CreateAsync("DEL-2", "Caneca mantida");

        Assert.Equal(HttpStatusCode.NoContent, (await erp.DeleteAsync($"api/catalog/products/{gone}", Cancel)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await erp.GetAsync($"api/catalog/products/{gone}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await erp.DeleteAsync($"api/catalog/products/{gone}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await erp.PutAsJsonAsync($"api/catalog/products/{gone}",
            new { sku = "DEL-1", name = "De volta", price = 10m }, Cancel)).StatusCode);
        var list = await erp.ListAsync($"description=caneca&storeId={Store}");
        Assert.Equal([kept], list.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
        Assert.Equal(1, list.GetProperty("total").GetInt64());
        // The sync path takes it: a linked store gets available = 0, a newer version than the last save.
        // Looked up by version: the probe handles messages concurrently, so arrival order is not publication order.
        var change = await Eventually.ReturnsAsync(() => Task.FromResult(changes.FirstOrDefault(c => c.ProductId == gone && c.ProductVersion == 2)),
            c => c is not null, TimeSpan.FromSeconds(30), "ProductChanged of the deletion");
        Assert.False(change!.Available);
        // Its SKU stays held (its Tray product keeps that reference).
        Assert.Equal(HttpStatusCode.Conflict, (await erp.PostAsJsonAsync("api/catalog/products",
            new { sku = "DEL-1", name = "Outra caneca", price = 10m }, Cancel)).StatusCode);

        var export = await erp.ExportAsync(Store, gone, kept);
        var outcome = await erp.WaitForExportAsync(export, e => e.GetProperty("failed").GetInt32() == 1, "the deleted product's item failed");
        var item = outcome.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("productId").GetGuid() == gone);
        Assert.Equal(("Failed", false), (item.GetProperty("status").GetString(), item.GetProperty("retryable").GetBoolean()));
        Assert.Contains("excluído", item.GetProperty("reason").GetString());
        Assert.Equal(1, outcome.GetProperty("pending").GetInt32());
    }
}
