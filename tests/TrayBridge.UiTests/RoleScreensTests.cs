using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using TrayBridge.Api.Tray;
using static Microsoft.Playwright.Assertions;

namespace TrayBridge.UiTests;

/// <summary>Issue 11, roles, as a person sees them: an operator (daily work) signs in and finds the settings and the
/// store actions closed, each with a Portuguese explanation, while products, the store's connection check and the TRAY
/// screens stay open.</summary>
public sealed class RoleScreensTests(PanelSystem panel)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_operator_finds_settings_and_store_actions_closed_and_the_daily_work_open()
    {
        var tenantId = $"papeis-{Guid.NewGuid():N}"[..24];
        var storeId = Random.Shared.Next(700_000, 800_000).ToString(CultureInfo.InvariantCulture);
        // The tenant's admin registers a store through the API; the operator is a second user of the same tenant.
        using (var tray = panel.System.Client(panel.System.TraySimulator))
        using (var admin = panel.System.Client(panel.System.Gateway, tenantId))
        {
            var store = await (await tray.PostAsJsonAsync("admin/stores", new { storeId, products = 2 }, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("api/stores", new RegisterStoreRequest("TrayCommerce", storeId,
                store.GetProperty("apiAddress").GetString(), store.GetProperty("code").GetString()), Cancel)).StatusCode);
        }
        var clerk = await panel.System.CreateUserAsync(tenantId, "operator");
        var page = await panel.NewPageAsync();
        await panel.SignInAsync(page, clerk);

        // The menu: settings disabled with the reason; the TRAY screens open (the store exists).
        var settings = page.Locator(".nav [data-group=configuracoes]");
        await Expect(settings.Locator(".disabled").First).ToHaveTextAsync("Emitente");
        await Expect(settings.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        await Expect(settings.Locator(".hint")).ToContainTextAsync("Somente um administrador");
        await Expect(page.Locator(".nav .tray").GetByRole(AriaRole.Link, new() { Name = "Importar Pedidos" })).ToBeVisibleAsync();

        // Lojas Virtuais: the store is listed and can be tested; registering, reauthorizing and removing are not offered.
        await page.GotoAsync("/utilitarios/lojas-virtuais");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Testar conexão da loja {storeId}" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Cadastrar loja virtual" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Remover a loja {storeId}" })).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-reason=admin-required]")).ToContainTextAsync("administrador");
        await Screens.CheckAsync(page, "90-operador-lojas");

        // A settings page opened by its address: refused, with the reason and what remains the operator's.
        await page.GotoAsync("/configuracoes/emitente");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Acesso negado", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-reason=admin-required]")).ToContainTextAsync("Somente um administrador");
        await Screens.CheckAsync(page, "90-operador-configuracoes");

        // The daily work is open: products and the export screen.
        await page.GotoAsync("/produtos");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Produtos", Level = 1 })).ToBeVisibleAsync();
        await page.GotoAsync("/tray/exportar-produtos");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Exportar Produtos", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
    }
}
