using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using TrayBridge.Contracts.Catalog;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.TestSupport;

namespace TrayBridge.Catalog.Tests;

/// <summary>Steps the product-list and export tests share: a user's HTTP calls, and the connector's part played on the bus.</summary>
internal static class CatalogApiSteps
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    public static async Task<Guid> CreateAsync(this HttpClient erp, string sku, string name, decimal price = 10m)
    {
        var response = await erp.PostAsJsonAsync("api/catalog/products", new { sku, name, price, stock = 5 }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }

    /// <summary>The store as the connector announces it; the Catalog accepts only stores it knows.</summary>
    public static async Task ConnectStoreAsync(this CatalogHarness harness, HttpClient erp, string tenant, string storeId)
    {
        await harness.PublishAsync(new StoreConnected(tenant, storeId, "https://loja.test/web_api", DateTimeOffset.UtcNow));
        await Eventually.ReturnsAsync(() => erp.GetAsync($"api/catalog/products?storeId={storeId}", Cancel),
            r => r.StatusCode == HttpStatusCode.OK, Wait, $"the Catalog knows store {storeId}");
    }

    public static Task<JsonElement> ListAsync(this HttpClient erp, string query) =>
        erp.GetFromJsonAsync<JsonElement>($"api/catalog/products?{query}", Cancel);

    public static async Task<Guid> ExportAsync(this HttpClient erp, string storeId, params Guid[] productIds)
    {
        var response = await erp.PostAsJsonAsync("api/catalog/exports", new { storeId, productIds }, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("exportId").GetGuid();
    }

    public static Task<JsonElement> WaitForExportAsync(this HttpClient erp, Guid exportId, Func<JsonElement, bool> done, string what) =>
        Eventually.ReturnsAsync(() => erp.GetFromJsonAsync<JsonElement>($"api/catalog/exports/{exportId}", Cancel), done, Wait, what);

    /// <summary>Every <see cref="ProductChanged"/> the Catalog publishes, as the connector would receive it.</summary>
    public static async Task<ConcurrentQueue<ProductChanged>> WatchChangesAsync(this CatalogHarness harness)
    {
        var seen = new ConcurrentQueue<ProductChanged>();
        var handle = harness.Bus.ConnectReceiveEndpoint($"changes-probe-{Guid.NewGuid():N}", e =>
            e.Handler<ProductChanged>(context =>
            {
                seen.Enqueue(context.Message);
                return Task.CompletedTask;
            }));
        await handle.Ready;
        return seen;
    }
}
