using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.TestSupport;

namespace TrayBridge.IntegrationTests;

/// <summary>A value the ERP accepts and Tray refuses, end to end: the export shows <c>Erro</c> with Tray's cause on the product
/// list, the user fixes the product and retries the export, and it becomes <c>Integrado</c> on Tray.</summary>
[Collection(nameof(SharedSystem))]
public sealed class ExportFixAndRetryTests(SystemFixture fixture)
{
    private const string Tenant = "tenant-export-retry";
    private const string StoreId = "540077";
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    /// <summary>The ERP takes any weight in grams an int holds; Tray's "number 9" (tray-api.md §3.4) takes at most 9 digits.</summary>
    private static object Mug(string sku, int weightGrams) => new { sku, name = $"Caneca {sku}", price = 25.50m, stock = 4, weightGrams };

    [Fact]
    public async Task A_weight_Tray_refuses_shows_Erro_with_Tray_cause_and_after_a_fix_the_retry_makes_it_Integrado()
    {
        var system = fixture.System;
        using var simulator = system.Client(system.TraySimulator);
        using var erp = system.Client(system.Gateway, Tenant);
        await Api.ConnectStoreAsync(system, erp, StoreId);
        var good = await CreateAsync(erp, Mug("FIX-1", 350));
        var heavy = await CreateAsync(erp, Mug("FIX-2", 1_500_000_000));

        var first = await ExportAsync(erp, $"api/catalog/exports", new { storeId = StoreId, productIds = new[] { good, heavy } });
        Assert.Equal((1, 1), (first.GetProperty("exported").GetInt32(), first.GetProperty("failed").GetInt32()));
        var list = await erp.GetFromJsonAsync<JsonElement>($"api/catalog/products?storeId={StoreId}&situation=Erro", Cancel);
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal((heavy, "Erro"), (row.GetProperty("id").GetGuid(), row.GetProperty("situation").GetString()));
        Assert.Contains("Peso (weight): O campo weight deve ter no máximo 9 dígitos",
            row.GetProperty("lastError").GetProperty("causes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal((1, 1), (list.GetProperty("situations").GetProperty("Erro").GetInt32(), list.GetProperty("situations").GetProperty("Integrado").GetInt32()));

        Assert.Equal(HttpStatusCode.OK, (await erp.PutAsJsonAsync($"api/catalog/products/{heavy}", Mug("FIX-2", 1_500), Cancel)).StatusCode);
        var retry = await ExportAsync(erp, $"api/catalog/exports/{first.GetProperty("exportId").GetGuid()}/retry", null);

        Assert.Equal((1, 1, 0), (retry.GetProperty("total").GetInt32(), retry.GetProperty("exported").GetInt32(), retry.GetProperty("failed").GetInt32()));
        var integrated = await erp.GetFromJsonAsync<JsonElement>($"api/catalog/products?storeId={StoreId}&situation=Integrado", Cancel);
        Assert.Equal(2, integrated.GetProperty("total").GetInt32());
        var token = (await simulator.GetFromJsonAsync<JsonElement>($"admin/stores/{StoreId}/secrets", Cancel)).GetProperty("accessTokens").EnumerateArray().Last().GetString();
        var onTray = await simulator.GetFromJsonAsync<JsonElement>($"{StoreId}/web_api/products?reference=FIX-2&access_token={token}", Cancel);
        Assert.Equal("1500", Assert.Single(onTray.GetProperty("Products").EnumerateArray()).GetProperty("Product").GetProperty("weight").GetString());
    }

    private static async Task<Guid> CreateAsync(HttpClient erp, object product)
    {
        var created = await erp.PostAsJsonAsync("api/catalog/products", product, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }

    /// <summary>Starts an export (or a retry), expects 202, and waits until none of its products is pending.</summary>
    private static async Task<JsonElement> ExportAsync(HttpClient erp, string path, object? body)
    {
        var response = await erp.PostAsJsonAsync(path, body, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var exportId = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("exportId").GetGuid();
        return await Eventually.ReturnsAsync(() => erp.GetFromJsonAsync<JsonElement>($"api/catalog/exports/{exportId}", Cancel),
            e => e.GetProperty("pending").GetInt32() == 0, Wait, $"export {exportId} to finish");
    }
}
