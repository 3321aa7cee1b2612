using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.Contracts.TrayConnector;
using static TrayBridge.Catalog.Tests.EnsureProductsData;

namespace TrayBridge.Catalog.Tests;

/// <summary><c>GET /api/catalog/exports?storeId=</c> and <c>POST /api/catalog/exports/{id}/retry</c>; the test plays the connector.</summary>
[Collection(nameof(CatalogHarness))]
public sealed class ExportRetryTests(CatalogHarness harness)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Exports_are_listed_newest_first_with_counts_and_a_retry_is_a_new_export_of_only_the_failed_products()
    {
        var tenant = NewTenant();
        using var erp = harness.Client(tenant);
        await harness.ConnectStoreAsync(erp, tenant, Store);
        var good = await erp.CreateAsync("RET-1", "Caneca boa");
        var bad = await erp.CreateAsync("RET-2", "Caneca recusada");
        var first = await erp.ExportAsync(Store, good, bad);
        var at = DateTimeOffset.UtcNow;
        await harness.PublishAsync(new ProductExported(tenant, Store, first, good, 1, "501", [], at));
        await harness.PublishAsync(new ProductExportFailed(tenant, Store, first, bad, 1, "Tray refused", ["reference muito longa"], false, at));
        await erp.WaitForExportAsync(first, e => e.GetProperty("pending").GetInt32() == 0, "both outcomes");

        var retried = await erp.PostAsync($"api/catalog/exports/{first}/retry", null, Cancel);

        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        var retry = (await retried.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("exportId").GetGuid();
        Assert.NotEqual(first, retry);
        Assert.Equal($"/api/catalog/exports/{retry}", retried.Headers.Location?.ToString());
        var second = await erp.GetFromJsonAsync<JsonElement>($"api/catalog/exports/{retry}", Cancel);
        Assert.Equal([bad], second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("productId").GetGuid()));

        var list = (await erp.GetFromJsonAsync<JsonElement>($"api/catalog/exports?storeId={Store}", Cancel)).EnumerateArray().ToList();
        Assert.Equal([retry, first], list.Select(e => e.GetProperty("exportId").GetGuid()));
        Assert.Equal(("CompletedWithErrors", 2, 1, 1), (list[1].GetProperty("status").GetString(), list[1].GetProperty("total").GetInt32(),
            list[1].GetProperty("exported").GetInt32(), list[1].GetProperty("failed").GetInt32()));
        Assert.Equal(("InProgress", 1), (list[0].GetProperty("status").GetString(), list[0].GetProperty("pending").GetInt32()));
        Assert.Empty((await erp.GetFromJsonAsync<JsonElement>("api/catalog/exports?storeId=999002", Cancel)).EnumerateArray());

        // The retry succeeds: nothing is left to retry in it, and an unknown export is 404.
        await harness.PublishAsync(new ProductExported(tenant, Store, retry, bad, 1, "502", [], DateTimeOffset.UtcNow));
        await erp.WaitForExportAsync(retry, e => e.GetProperty("status").GetString() == "Completed", "the retry completed");
        Assert.Equal(HttpStatusCode.Conflict, (await erp.PostAsync($"api/catalog/exports/{retry}/retry", null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await erp.PostAsync($"api/catalog/exports/{Guid.NewGuid()}/retry", null, Cancel)).StatusCode);
    }
}
