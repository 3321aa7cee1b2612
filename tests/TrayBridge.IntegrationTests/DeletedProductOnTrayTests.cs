using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.TestSupport;

namespace TrayBridge.IntegrationTests;

/// <summary>A soft-deleted ERP product linked on Tray is made unavailable there by the ordinary sync, never deleted.</summary>
[Collection(nameof(SharedSystem))]
public sealed class DeletedProductOnTrayTests(SystemFixture fixture)
{
    private const string Tenant = "tenant-delete-e2e";
    private const string StoreId = "540088";
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deleting_a_linked_product_sets_available_0_on_Tray_and_keeps_it_there()
    {
        var system = fixture.System;
        using var simulator = system.Client(system.TraySimulator);
        using var erp = system.Client(system.Gateway, Tenant);
        await Api.ConnectStoreAsync(system, erp, StoreId);
        var created = await erp.PostAsJsonAsync("api/catalog/products", new { sku = "DEL-E2E", name = "Caneca a excluir", price = 20m, stock = 3 }, Cancel);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var requested = await erp.PostAsJsonAsync("api/catalog/exports", new { storeId = StoreId, productIds = new[] { id } }, Cancel);
        var exportId = (await requested.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("exportId").GetGuid();
        await Eventually.ReturnsAsync(() => erp.GetFromJsonAsync<JsonElement>($"api/catalog/exports/{exportId}", Cancel),
            e => e.GetProperty("exported").GetInt32() == 1, TimeSpan.FromSeconds(60), "the product on Tray");
        Assert.Equal("1", (await TrayProductAsync(simulator)).GetProperty("available").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await erp.DeleteAsync($"api/catalog/products/{id}", Cancel)).StatusCode);

        var onTray = await Eventually.ReturnsAsync(() => TrayProductAsync(simulator), p => p.GetProperty("available").GetString() == "0",
            TimeSpan.FromSeconds(30), "available = 0 on Tray");
        Assert.Equal("DEL-E2E", onTray.GetProperty("reference").GetString());
        var requests = await simulator.GetFromJsonAsync<JsonElement>($"admin/stores/{StoreId}/requests?last=1000", Cancel);
        Assert.DoesNotContain(requests.EnumerateArray(), r => r.GetProperty("method").GetString() == "DELETE");
    }

    /// <summary>The one product of the store, read as any Tray client would.</summary>
    private static async Task<JsonElement> TrayProductAsync(HttpClient simulator)
    {
        var token = (await simulator.GetFromJsonAsync<JsonElement>($"admin/stores/{StoreId}/secrets", Cancel)).GetProperty("accessTokens").EnumerateArray().Last().GetString();
        var list = await simulator.GetFromJsonAsync<JsonElement>($"{StoreId}/web_api/products?reference=DEL-E2E&access_token={token}", Cancel);
        return Assert.Single(list.GetProperty("Products").EnumerateArray()).GetProperty("Product");
    }
}
