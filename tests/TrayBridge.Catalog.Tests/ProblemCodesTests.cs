using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.Api;
using TrayBridge.Api.Catalog;
using static TrayBridge.Catalog.Tests.EnsureProductsData;

namespace TrayBridge.Catalog.Tests;

/// <summary>Every error the Catalog answers is a ProblemDetails with a stable <c>code</c> the panel decides on and a Portuguese
/// <c>detail</c> it shows; field errors name the fields (camelCase, as the JSON has them) with Portuguese messages.</summary>
[Collection(nameof(CatalogHarness))]
public sealed class ProblemCodesTests(CatalogHarness harness)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(code, problem.GetProperty(ApiProblem.CodeMember).GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    private static string Message(JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString()!;

    [Fact]
    public async Task Products_answer_codes_and_portuguese_messages()
    {
        var tenant = NewTenant();
        using var erp = harness.Client(tenant);
        var invalid = await ProblemAsync(await erp.PostAsJsonAsync("api/catalog/products", new { sku = "", name = "x", price = 0 }, Cancel),
            HttpStatusCode.BadRequest, ApiProblem.Validation);
        Assert.Equal("Informe a referência (SKU), com até 60 caracteres.", Message(invalid, "sku"));
        Assert.Equal("O preço deve ser maior que zero.", Message(invalid, "price"));

        var id = await erp.CreateAsync("COD-1", "Caneca");
        var taken = await ProblemAsync(await erp.PostAsJsonAsync("api/catalog/products", new { sku = "COD-1", name = "Outra", price = 1m }, Cancel),
            HttpStatusCode.Conflict, CatalogProblemCodes.SkuInUse);
        Assert.Contains("COD-1", Message(taken, "sku"));
        var category = await ProblemAsync(await erp.PutAsJsonAsync($"api/catalog/products/{id}",
            new { sku = "COD-1", name = "Caneca", price = 1m, categoryId = Guid.NewGuid() }, Cancel), HttpStatusCode.UnprocessableEntity,
            CatalogProblemCodes.UnknownCategory);
        Assert.Contains("Categoria", Message(category, "categoryId"));
        var missing = await ProblemAsync(await erp.GetAsync($"api/catalog/products/{Guid.NewGuid()}", Cancel), HttpStatusCode.NotFound,
            CatalogProblemCodes.ProductNotFound);
        Assert.Equal("Produto não encontrado (ou excluído).", missing.GetProperty("detail").GetString());
        await ProblemAsync(await erp.PutAsync($"api/catalog/products/{id}/images/1", new ByteArrayContent("GIF89a"u8.ToArray()), Cancel),
            HttpStatusCode.UnsupportedMediaType, CatalogProblemCodes.ImageUnsupported);
        var position = await ProblemAsync(await erp.PutAsync($"api/catalog/products/{id}/images/7", new ByteArrayContent([1]), Cancel),
            HttpStatusCode.BadRequest, ApiProblem.Validation);
        Assert.Contains("1 a 6", Message(position, "position"));

        var paging = await ProblemAsync(await erp.GetAsync("api/catalog/products?page=0&pageSize=101", Cancel), HttpStatusCode.BadRequest,
            ApiProblem.Validation);
        Assert.Equal(("A página começa em 1.", "De 1 a 100 produtos por página."), (Message(paging, "page"), Message(paging, "pageSize")));
        await ProblemAsync(await erp.GetAsync("api/catalog/products?storeId=nenhuma", Cancel), HttpStatusCode.NotFound,
            CatalogProblemCodes.StoreNotFound);
    }

    [Fact]
    public async Task Categories_and_exports_answer_codes_and_portuguese_messages()
    {
        var tenant = NewTenant();
        using var erp = harness.Client(tenant);
        var parent = (await (await erp.PostAsJsonAsync("api/catalog/categories", new { name = "Casa" }, Cancel))
            .Content.ReadFromJsonAsync<CategoryResponse>(Cancel))!;
        Assert.Equal(HttpStatusCode.Created, (await erp.PostAsJsonAsync("api/catalog/categories", new { name = "Cozinha", parentId = parent.Id }, Cancel)).StatusCode);
        var twin = await ProblemAsync(await erp.PostAsJsonAsync("api/catalog/categories", new { name = "COZINHA", parentId = parent.Id }, Cancel),
            HttpStatusCode.Conflict, CatalogProblemCodes.CategoryNameInUse);
        Assert.Equal("Já existe uma categoria com este nome neste nível.", Message(twin, "name"));
        await ProblemAsync(await erp.DeleteAsync($"api/catalog/categories/{parent.Id}", Cancel), HttpStatusCode.Conflict,
            CatalogProblemCodes.CategoryHasSubcategories);
        await ProblemAsync(await erp.DeleteAsync($"api/catalog/categories/{Guid.NewGuid()}", Cancel), HttpStatusCode.NotFound,
            CatalogProblemCodes.CategoryNotFound);

        var product = await erp.CreateAsync("COD-2", "Panela");
        var noStore = await ProblemAsync(await erp.PostAsJsonAsync("api/catalog/exports", new ExportRequest("777", [product]), Cancel),
            HttpStatusCode.UnprocessableEntity, CatalogProblemCodes.StoreNotConnected);
        Assert.Equal("A loja 777 não está conectada a esta conta.", Message(noStore, "storeId"));
        var empty = await ProblemAsync(await erp.PostAsJsonAsync("api/catalog/exports", new ExportRequest(Store, []), Cancel),
            HttpStatusCode.BadRequest, ApiProblem.Validation);
        Assert.Equal("Selecione de 1 a 500 produtos.", Message(empty, "productIds"));
        await ProblemAsync(await erp.GetAsync($"api/catalog/exports/{Guid.NewGuid()}", Cancel), HttpStatusCode.NotFound,
            CatalogProblemCodes.ExportNotFound);
        await ProblemAsync(await erp.GetAsync("api/catalog/exports?limit=101", Cancel), HttpStatusCode.BadRequest, ApiProblem.Validation);

        await harness.ConnectStoreAsync(erp, tenant, Store);
        var export = await erp.ExportAsync(Store, product);
        var nothing = await ProblemAsync(await erp.PostAsync($"api/catalog/exports/{export}/retry", null, Cancel), HttpStatusCode.Conflict,
            CatalogProblemCodes.NothingToRetry);
        Assert.StartsWith("Nada a reenviar", nothing.GetProperty("detail").GetString());
    }
}
