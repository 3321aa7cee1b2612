using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.TestSupport;
using static TrayBridge.Catalog.Tests.EnsureProductsData;

namespace TrayBridge.Catalog.Tests;

/// <summary>The product list's situation cards: per store, after the description filter, before the situation filter.</summary>
[Collection(nameof(CatalogHarness))]
public sealed class SituationCardsTests(CatalogHarness harness)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Dictionary<string, long> Cards(JsonElement list) =>
        list.GetProperty("situations").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());

    [Fact]
    public async Task Cards_count_each_situation_on_the_store_after_the_description_filter_and_before_the_situation_filter()
    {
        var tenant = NewTenant();
        using var erp = harness.Client(tenant);
        await harness.ConnectStoreAsync(erp, tenant, Store);
        await harness.ConnectStoreAsync(erp, tenant, "999001");
        var loose = await erp.CreateAsync("SIT-1", "Caneca solta");
        var integrated = await erp.CreateAsync("SIT-2", "Caneca integrada");
        var failed = await erp.CreateAsync("SIT-3", "Caneca recusada");
        var outdated = await erp.CreateAsync("SIT-4", "Caneca antiga");
        var other = await erp.CreateAsync("SIT-5", "Prato integrado");
        var deleted = await erp.CreateAsync("SIT-6", "Caneca excluída");
        var at = DateTimeOffset.UtcNow;
        foreach (var id in new[] { integrated, outdated, other })
            await harness.PublishAsync(new ProductExported(tenant, Store, Guid.NewGuid(), id, 1, $"7{id.GetHashCode() & 0xffff}", [], at));
        await harness.PublishAsync(new ProductExportFailed(tenant, Store, Guid.NewGuid(), failed, 1, "Tray refused", ["ncm inválido"], false, at));
        await erp.PutAsJsonAsync($"api/catalog/products/{outdated}", new { sku = "SIT-4", name = "Caneca antiga", price = 11m }, Cancel);
        await erp.DeleteAsync($"api/catalog/products/{deleted}", Cancel);

        var expected = new Dictionary<string, long> { ["Integrado"] = 1, ["Não integrado"] = 1, ["Erro"] = 1, ["Desatualizado"] = 1 };
        var cards = await Eventually.ReturnsAsync(() => erp.ListAsync($"description=caneca&storeId={Store}&situation=Erro"),
            list => Cards(list).SequenceEqual(expected), TimeSpan.FromSeconds(30), "the cards of store " + Store);
        Assert.Equal([failed], cards.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));

        // Without the description filter the plate counts too; another store has nothing integrated.
        Assert.Equal(2, Cards(await erp.ListAsync($"storeId={Store}"))["Integrado"]);
        var elsewhere = Cards(await erp.ListAsync("storeId=999001"));
        Assert.Equal((0L, 5L), (elsewhere["Integrado"], elsewhere["Não integrado"]));
        // Without a store there is no situation to count.
        Assert.Equal(JsonValueKind.Null, (await erp.ListAsync("description=caneca")).GetProperty("situations").ValueKind);
        Assert.NotEqual(loose, Guid.Empty);
    }
}
