using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using TrayBridge.Contracts.Catalog;
using static TrayBridge.Catalog.Tests.EnsureProductsData;

namespace TrayBridge.Catalog.Tests;

/// <summary><c>/api/catalog/categories</c>: a tree with paths, sibling names unique (accents and case folded), no cycles,
/// nothing deleted while in use, one tenant's tree invisible to another; a product names its category and the export
/// snapshot carries the whole path.</summary>
[Collection(nameof(CatalogHarness))]
public sealed class CategoriesApiTests(CatalogHarness harness)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tree_keeps_sibling_names_unique_refuses_cycles_and_deletions_in_use_and_stays_within_its_tenant()
    {
        using var erp = harness.Client(NewTenant());
        var clothes = await CreateAsync(erp, "Vestuário", null);
        var shirts = await CreateAsync(erp, "Camisetas", clothes);
        await CreateAsync(erp, "Camisetas", null); // the same name at another level is another category

        var duplicate = await erp.PostAsJsonAsync("api/catalog/categories", new { name = "CAMISETAS", parentId = clothes }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var cycle = await erp.PutAsJsonAsync($"api/catalog/categories/{clothes}", new { name = "Vestuário", parentId = shirts }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, cycle.StatusCode);
        Assert.Contains("parentId", await cycle.Content.ReadAsStringAsync(Cancel));
        var orphan = await erp.PostAsJsonAsync("api/catalog/categories", new { name = "Órfã", parentId = Guid.NewGuid() }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, orphan.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await erp.PostAsJsonAsync("api/catalog/categories", new { name = new string('x', 101) }, Cancel)).StatusCode);

        var list = await erp.GetFromJsonAsync<JsonElement>("api/catalog/categories", Cancel);
        Assert.Equal(["Camisetas", "Vestuário", "Vestuário > Camisetas"], list.EnumerateArray().Select(c => c.GetProperty("path").GetString()));

        var product = await erp.PostAsJsonAsync("api/catalog/products", new { sku = "CAT-1", name = "Camiseta", price = 10m, categoryId = shirts }, Cancel);
        Assert.Equal(HttpStatusCode.Created, product.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await erp.DeleteAsync($"api/catalog/categories/{shirts}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await erp.DeleteAsync($"api/catalog/categories/{clothes}", Cancel)).StatusCode);
        var unknown = await erp.PostAsJsonAsync("api/catalog/products", new { sku = "CAT-2", name = "Camiseta", price = 10m, categoryId = Guid.NewGuid() }, Cancel);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("categoryId", await unknown.Content.ReadAsStringAsync(Cancel));

        using var other = harness.Client(NewTenant());
        Assert.Equal(0, (await other.GetFromJsonAsync<JsonElement>("api/catalog/categories", Cancel)).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"api/catalog/categories/{clothes}", new { name = "Minha" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"api/catalog/categories/{clothes}", Cancel)).StatusCode);
        // Another tenant's category cannot be named by a product either.
        var foreign = await other.PostAsJsonAsync("api/catalog/products", new { sku = "CAT-1", name = "Camiseta", price = 10m, categoryId = shirts }, Cancel);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreign.StatusCode);
    }

    [Fact]
    public async Task The_export_snapshot_carries_the_category_path_from_the_root()
    {
        var tenant = NewTenant();
        using var erp = harness.Client(tenant);
        await harness.ConnectStoreAsync(erp, tenant, Store);
        var home = await CreateAsync(erp, "Casa", null);
        var kitchen = await CreateAsync(erp, "Cozinha", home);
        var created = await erp.PostAsJsonAsync("api/catalog/products", new { sku = "PAN-1", name = "Panela", price = 90m, categoryId = kitchen }, Cancel);
        var productId = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var snapshots = new TaskCompletionSource<ProductExportRequested>(TaskCreationOptions.RunContinuationsAsynchronously);
        var probe = harness.Bus.ConnectReceiveEndpoint($"snapshot-probe-{Guid.NewGuid():N}", e => e.Handler<ProductExportRequested>(context =>
        {
            if (context.Message.ProductId == productId) snapshots.TrySetResult(context.Message);
            return Task.CompletedTask;
        }));
        await probe.Ready;

        await erp.ExportAsync(Store, productId);

        var snapshot = await snapshots.Task.WaitAsync(TimeSpan.FromSeconds(30), Cancel);
        Assert.Equal([(home, "Casa"), (kitchen, "Cozinha")], snapshot.CategoryPath.Select(c => (c.CategoryId, c.Name)));
        await probe.StopAsync(Cancel);
    }

    private static async Task<Guid> CreateAsync(HttpClient erp, string name, Guid? parentId)
    {
        var response = await erp.PostAsJsonAsync("api/catalog/categories", new { name, parentId }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }
}
