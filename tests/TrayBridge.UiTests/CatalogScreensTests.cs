using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using TrayBridge.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace TrayBridge.UiTests;

/// <summary>Cadastros › Produtos and TRAY › Exportar Produtos in the browser: a merchant creates a product (a wrong price is
/// refused beside its field), adds a picture and sees it, exports it to a Tray store, watches the progress, and finds it
/// Integrado in the list.</summary>
public sealed class CatalogScreensTests(PanelSystem panel)
{
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_product_created_with_a_picture_is_exported_with_live_progress_and_shows_Integrado()
    {
        var user = await panel.NewTenantUserAsync("produtos");
        var storeId = Random.Shared.Next(100_000, 999_999).ToString();
        await ConnectStoreAsync(user.TenantId, storeId);
        var page = await panel.NewPageAsync();
        await panel.SignInAsync(page, user, "/produtos");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Produtos", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Nenhum produto cadastrado.")).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "10-produtos-vazio");

        await page.GetByRole(AriaRole.Link, new() { Name = "Novo produto" }).First.ClickAsync();
        await page.GetByLabel("Referência (SKU)").FillAsync("UI-CAN-1");
        await page.GetByLabel("Descrição", new() { Exact = true }).FillAsync("Caneca de porcelana");
        await page.GetByLabel("NCM").FillAsync("69120000");
        await page.GetByLabel("Preço de venda (R$)").FillAsync("0");
        await page.GetByLabel("Estoque", new() { Exact = true }).FillAsync("7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvar" }).ClickAsync();
        // The API's Portuguese message, beside its field; nothing was stored.
        await Expect(page.Locator("#erro-price")).ToHaveTextAsync("O preço deve ser maior que zero.");
        await Expect(page.GetByLabel("Preço de venda (R$)")).ToHaveAttributeAsync("aria-describedby", "erro-price");
        await Screens.CheckAsync(page, "11-produto-erro");

        await page.GetByLabel("Preço de venda (R$)").FillAsync("49,90");
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvar" }).ClickAsync();
        await Expect(page.GetByText("Produto salvo.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Produto UI-CAN-1", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Preço de venda (R$)")).ToHaveValueAsync("49,90");

        await page.GetByLabel("Foto (JPG ou PNG, até 10 MB)").SetInputFilesAsync(new FilePayload { Name = "caneca.png", MimeType = "image/png", Buffer = TinyPng });
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar foto" }).ClickAsync();
        await Expect(page.GetByText("Foto enviada.")).ToBeVisibleAsync();
        var picture = page.GetByRole(AriaRole.Img, new() { Name = "Foto 1 de Caneca de porcelana" });
        await Expect(picture).ToBeVisibleAsync();
        // The preview is the picture Tray will download: served through the gateway by its signed URL.
        Assert.True(await picture.EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 1"), "The picture's preview did not load.");
        await Screens.CheckAsync(page, "12-produto-com-foto");

        await page.GotoAsync($"/tray/exportar-produtos?loja={storeId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Exportar Produtos", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "1 Não integrado" })).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "20-exportar-produtos");
        await page.GetByLabel("Selecionar UI-CAN-1 — Caneca de porcelana").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Exportar" }).ClickAsync();

        await page.WaitForURLAsync("**/tray/exportar-produtos/exportacoes/*");
        await Expect(page.Locator(".progress-count")).ToHaveTextAsync("1 de 1", new() { Timeout = 90_000 });
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "UI-CAN-1" });
        await Expect(row.GetByText("Integrado", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("Concluída: 1 produto integrado.")).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "21-exportacao-concluida");

        // A reload re-attaches to the same export, read from the API.
        await page.ReloadAsync();
        await Expect(page.Locator(".progress-count")).ToHaveTextAsync("1 de 1");

        await page.GetByRole(AriaRole.Link, new() { Name = "‹ Voltar para Exportar Produtos" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "1 Integrado" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "1 Integrado" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "UI-CAN-1" }).GetByText("Integrado", new() { Exact = true })).ToBeVisibleAsync();

        // A weight the ERP takes and Tray refuses: the export shows Tray's reason for that field, in Portuguese, from its errors map.
        using (var erp = panel.System.Client(panel.System.Gateway, user.TenantId))
            Assert.Equal(HttpStatusCode.Created, (await erp.PostAsJsonAsync("api/catalog/products",
                new { sku = "UI-CAN-PESADA", name = "Caneca pesada", price = 25.50m, stock = 4, weightGrams = 1_500_000_000 },
                TestContext.Current.CancellationToken)).StatusCode);
        await page.GotoAsync($"/tray/exportar-produtos?loja={storeId}");
        await page.GetByLabel("Selecionar UI-CAN-PESADA — Caneca pesada").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Exportar" }).ClickAsync();
        await page.WaitForURLAsync("**/tray/exportar-produtos/exportacoes/*");
        await Expect(page.Locator(".progress-count")).ToHaveTextAsync("1 de 1", new() { Timeout = 90_000 });
        var refused = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "UI-CAN-PESADA" });
        await Expect(refused.GetByRole(AriaRole.List, new() { Name = "Motivos informados pela Tray" }))
            .ToContainTextAsync("Peso (weight): O campo weight deve ter no máximo 9 dígitos");
        await Screens.CheckAsync(page, "22-exportacao-motivo-da-tray");
    }

    /// <summary>A store on the Tray simulator connected through the gateway (the Lojas Virtuais screen is not under test here),
    /// once the Catalog knows it.</summary>
    private async Task ConnectStoreAsync(string tenantId, string storeId)
    {
        var cancel = TestContext.Current.CancellationToken;
        using var simulator = panel.System.Client(panel.System.TraySimulator);
        var tray = await (await simulator.PostAsJsonAsync("admin/stores", new { storeId }, cancel)).Content.ReadFromJsonAsync<JsonElement>(cancel);
        using var erp = panel.System.Client(panel.System.Gateway, tenantId);
        var connected = await erp.PostAsJsonAsync("api/stores", new
        {
            platform = "TrayCommerce", storeId, apiAddress = tray.GetProperty("apiAddress").GetString(), code = tray.GetProperty("code").GetString(),
        }, cancel);
        Assert.Equal(HttpStatusCode.Created, connected.StatusCode);
        await Eventually.ReturnsAsync(() => erp.GetFromJsonAsync<JsonElement>("api/catalog/stores", cancel),
            stores => stores.EnumerateArray().Any(s => s.GetProperty("storeId").GetString() == storeId), TimeSpan.FromSeconds(30),
            "the Catalog to learn of the store");
    }
}
