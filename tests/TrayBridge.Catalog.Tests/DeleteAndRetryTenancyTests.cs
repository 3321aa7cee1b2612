using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static TrayBridge.Catalog.Tests.EnsureProductsData;

namespace TrayBridge.Catalog.Tests;

/// <summary>Another tenant can neither delete a product, see an export in the list, nor retry it.</summary>
[Collection(nameof(CatalogHarness))]
public sealed class DeleteAndRetryTenancyTests(CatalogHarness harness)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Delete_exports_list_and_retry_answer_only_the_owning_tenant()
    {
        var (owner, stranger) = (NewTenant(), NewTenant());
        using var erp = harness.Client(owner);
        using var other = harness.Client(stranger);
        await harness.ConnectStoreAsync(erp, owner, Store);
        await harness.ConnectStoreAsync(other, stranger, Store);
        var id = await erp.CreateAsync("TEN-1", "Caneca do dono");
        var export = await erp.ExportAsync(Store, id);

        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"api/catalog/products/{id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"api/catalog/exports/{export}/retry", null, Cancel)).StatusCode);
        Assert.Empty((await other.GetFromJsonAsync<JsonElement>($"api/catalog/exports?storeId={Store}", Cancel)).EnumerateArray());
        Assert.Equal(0, (await other.ListAsync($"storeId={Store}")).GetProperty("situations").GetProperty("Não integrado").GetInt64());

        Assert.Equal(HttpStatusCode.OK, (await erp.GetAsync($"api/catalog/products/{id}", Cancel)).StatusCode);
        Assert.Equal([export], (await erp.GetFromJsonAsync<JsonElement>("api/catalog/exports", Cancel)).EnumerateArray()
            .Select(e => e.GetProperty("exportId").GetGuid()));
        Assert.Equal(1, (await erp.ListAsync($"storeId={Store}")).GetProperty("situations").GetProperty("Não integrado").GetInt64());
    }
}
