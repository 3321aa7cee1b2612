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

    /// <summary>Issue 15: the platform's operation signs in through the identity provider, lands on Operação (its menu shows
    /// nothing of a tenant's), disables a tenant's store with a reason and enables it again.</summary>
    [Fact]
    public async Task A_platform_user_signs_in_to_Operacao_and_disables_and_re_enables_a_store()
    {
        // Tenant ids sort first ("0-"): the store is on the list's first page whatever other tests registered.
        var tenantId = $"0-operacao-{Guid.NewGuid():N}"[..24];
        var storeId = Random.Shared.Next(800_000, 900_000).ToString(CultureInfo.InvariantCulture);
        using (var tray = panel.System.Client(panel.System.TraySimulator))
        using (var admin = panel.System.Client(panel.System.Gateway, tenantId))
        {
            var store = await (await tray.PostAsJsonAsync("admin/stores", new { storeId, products = 1 }, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("api/stores", new RegisterStoreRequest("TrayCommerce", storeId,
                store.GetProperty("apiAddress").GetString(), store.GetProperty("code").GetString()), Cancel)).StatusCode);
        }
        var operation = new TrayBridge.TestSupport.IdentityUserCredentials($"plataforma-{Guid.NewGuid():N}@traybridge.test", "segredo-da-operacao", "", ["platform"]);
        using (var identity = new HttpClient { BaseAddress = panel.System.Identity.BaseAddress })
            Assert.Equal(HttpStatusCode.Created, (await identity.PostAsJsonAsync("admin/users",
                new { email = operation.Email, password = operation.Password, name = "Operação", roles = operation.Roles }, Cancel)).StatusCode);
        var page = await panel.NewPageAsync();
        await panel.SignInAsync(page, operation);

        // Landed on Operação; the menu offers nothing of a tenant's.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Operação", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".nav").GetByRole(AriaRole.Link)).ToHaveCountAsync(1);
        var row = page.Locator($"tr[data-store='{storeId}']");
        await Expect(row).ToHaveAttributeAsync("data-status", "connected");
        await Screens.CheckAsync(page, "95-operacao");

        await page.GetByLabel($"Motivo para desativar a loja {storeId}").FillAsync("Manutenção programada");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Desativar a loja {storeId}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Loja {storeId} desativada.");
        await Expect(row).ToHaveAttributeAsync("data-status", "disabled");
        await Expect(row).ToContainTextAsync("Manutenção programada");
        await Screens.CheckAsync(page, "95-operacao-desativada");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Reativar a loja {storeId}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Loja {storeId} reativada");
        await Expect(row).ToHaveAttributeAsync("data-status", "connected");
        await Expect(page.Locator("tr[data-action=enable]").First).ToContainTextAsync("Reativada");

        // A tenant's screen opened by its address is not the operation's.
        await page.GotoAsync("/produtos");
        await Expect(page.Locator("[data-reason=platform-user]")).ToBeVisibleAsync();
    }
}
