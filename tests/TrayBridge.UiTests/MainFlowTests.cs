using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TrayBridge.Api.Catalog;
using TrayBridge.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace TrayBridge.UiTests;

/// <summary>The seed's walkthrough as a merchant clicks it, end to end in one browser session: sign in through the identity
/// provider; Lojas Virtuais (a wrong code refused, then the right one); a product with a picture; Exportar Produtos (live
/// progress through an intermediate n de N to Integrado); Importar Pedidos; Pedidos de venda (the pending order fixed,
/// then Pronto para faturar); Emitir NF-e em lote (progress, Autorizada, the DANFE a PDF, Enviada à Tray); sign out.</summary>
public sealed class MainFlowTests(PanelSystem panel)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private const int ProductsToExport = 6;

    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_merchant_goes_from_connecting_the_store_to_the_invoice_on_Tray_through_the_screens()
    {
        var system = panel.System;
        var user = await panel.NewTenantUserAsync("fluxo");
        var storeId = Random.Shared.Next(700_000, 799_999).ToString();
        using var tray = system.Client(system.TraySimulator);
        var store = await (await tray.PostAsJsonAsync("admin/stores", new { storeId, products = 3, orders = 0 }, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        // Two orders on Tray: one whose buyer gave no CPF (Pendente after import), one ordinary.
        var pending = await NewOrderAsync(tray, storeId, new { status = "A ENVIAR", customer = new { withoutDocument = true } });
        var ordinary = await NewOrderAsync(tray, storeId, new { status = "A ENVIAR" });
        using var erp = system.Client(system.Gateway, user.TenantId);
        // The emitter (its screen is InvoicingScreensTests') and five more products to export beside the one made on screen.
        await InvoicingSteps.ConfigureEmitterAsync(erp, InvoicingSteps.NewCnpj());
        for (var i = 1; i < ProductsToExport; i++)
            (await erp.PostAsJsonAsync("api/catalog/products", new ProductInput { Sku = $"FLX-{i}", Name = $"Produto do fluxo {i}", Ncm = "61091000", Price = 10m + i, Stock = 5 }, Cancel))
                .EnsureSuccessStatusCode();
        var page = await panel.NewPageAsync();

        // Sign in, and the first step the panel asks for.
        await panel.SignInAsync(page, user);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Utilitários › Cadastros Auxiliares › Lojas Virtuais" }).ClickAsync();

        // Lojas Virtuais: a wrong code is refused with Tray's reason and nothing is kept; the right one connects.
        await page.GetByRole(AriaRole.Link, new() { Name = "Cadastrar loja virtual" }).ClickAsync();
        await page.GetByLabel("Usuário", new() { Exact = true }).FillAsync(storeId);
        await page.GetByLabel("Site (URL)", new() { Exact = true }).FillAsync(store.GetProperty("apiAddress").GetString()!);
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync("code-errado");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmar" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "A Tray recusou o code" })).ToBeVisibleAsync();
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(store.GetProperty("code").GetString()!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmar" }).ClickAsync();
        await Expect(page.Locator($"tr[data-store='{storeId}']")).ToContainTextAsync("Conectada");

        // A product with a picture.
        await page.GotoAsync("/produtos/novo");
        await page.GetByLabel("Referência (SKU)").FillAsync("FLX-0");
        await page.GetByLabel("Descrição", new() { Exact = true }).FillAsync("Caneca do fluxo");
        await page.GetByLabel("NCM").FillAsync("69120000");
        await page.GetByLabel("Preço de venda (R$)").FillAsync("39,90");
        await page.GetByLabel("Estoque", new() { Exact = true }).FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvar" }).ClickAsync();
        await Expect(page.GetByText("Produto salvo.")).ToBeVisibleAsync();
        await page.GetByLabel("Foto (JPG ou PNG, até 10 MB)").SetInputFilesAsync(new FilePayload { Name = "caneca.png", MimeType = "image/png", Buffer = TinyPng });
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar foto" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Foto 1 de Caneca do fluxo" })).ToBeVisibleAsync();

        // Exportar Produtos: every product of the page, live progress through an intermediate count, then Integrado.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" }).GetByRole(AriaRole.Link, new() { Name = "Exportar Produtos" }).ClickAsync();
        await page.GotoAsync($"/tray/exportar-produtos?loja={storeId}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"{ProductsToExport} Não integrado" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Selecionar todos desta página" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Exportar" }).ClickAsync();
        await page.WaitForURLAsync("**/tray/exportar-produtos/exportacoes/*");
        await Expect(page.Locator(".progress-count")).ToHaveTextAsync(new Regex($"^[1-{ProductsToExport - 1}] de {ProductsToExport}$"),
            new() { Timeout = (float)Patience.TotalMilliseconds });
        await Expect(page.Locator(".progress-count")).ToHaveTextAsync($"{ProductsToExport} de {ProductsToExport}", new() { Timeout = (float)Patience.TotalMilliseconds });
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "FLX-0" }).GetByText("Integrado", new() { Exact = true })).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "90-fluxo-exportacao", "exportar-produtos");

        // Importar Pedidos: both orders, live progress, Integrado.
        await page.GotoAsync($"/tray/importar-pedidos?loja={storeId}");
        await Expect(page.Locator("tr[data-order]")).ToHaveCountAsync(2, new() { Timeout = (float)Patience.TotalMilliseconds });
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Selecionar todos desta página" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Importar selecionados" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/tray/importar-pedidos/importacoes/"));
        await Expect(page.GetByText("2 de 2")).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        foreach (var id in new[] { pending, ordinary }) await Expect(page.Locator($"tr[data-order='{id}']")).ToContainTextAsync("Integrado");
        await Screens.CheckAsync(page, "91-fluxo-importacao", "importar-pedidos");
        // Início now counts what waits in the store: nothing left to import.
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Loja {storeId}" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "0 pedidos não importados" })).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "94-fluxo-inicio");

        // Pedidos de venda: the order without CPF is Pendente; fixed in the row (and any item without NCM), it is ready.
        await page.GotoAsync($"/vendas/pedidos?loja={storeId}");
        await Expect(page.Locator($"tr[data-order='{pending}']")).ToContainTextAsync("Pendente: falta CPF/CNPJ");
        await page.GetByLabel("CPF/CNPJ do cliente").FillAsync("529.982.247-25");
        await page.GetByLabel("CPF/CNPJ do cliente").PressAsync("Enter");
        await Expect(page.GetByText($"Pedido {pending} corrigido")).ToBeVisibleAsync();
        var ncm = page.GetByLabel(new Regex("^NCM do item"));
        while (await ncm.CountAsync() > 0)
        {
            await ncm.First.FillAsync("6109.10.00");
            await ncm.First.PressAsync("Enter");
            await Expect(page.GetByText(new Regex("^Pedido \\d+ corrigido"))).ToBeVisibleAsync();
        }
        foreach (var id in new[] { pending, ordinary }) await Expect(page.Locator($"tr[data-order='{id}']")).ToContainTextAsync("Pronto para faturar");
        await Screens.CheckAsync(page, "92-fluxo-pedidos-prontos", "pedidos-de-venda");
        // Importar Pedidos shows each imported order's readiness as Orders has it now, the fix included.
        await page.GotoAsync($"/tray/importar-pedidos?loja={storeId}");
        await Expect(page.Locator($"tr[data-order='{pending}'] [data-sales-situation]")).ToHaveTextAsync("Pronto para faturar");
        await page.GotoAsync($"/vendas/pedidos?loja={storeId}");

        // Emitir NF-e em lote: progress, Autorizada, the DANFE a PDF, and the invoice on the Tray order.
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Selecionar todos desta página" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Emitir NF-e em lote" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lote de NF-e", Level = 1 })).ToBeVisibleAsync();
        foreach (var id in new[] { pending, ordinary })
        {
            var note = page.Locator("tr[data-state]").Filter(new() { HasText = id });
            await Expect(note).ToContainTextAsync("Autorizada", new() { Timeout = (float)Patience.TotalMilliseconds });
            await Expect(note).ToContainTextAsync("Enviada à Tray", new() { Timeout = (float)Patience.TotalMilliseconds });
        }
        var danfe = await page.GetByRole(AriaRole.Link, new() { Name = $"DANFE (PDF) do pedido {pending}" }).GetAttributeAsync("href");
        var pdf = await page.APIRequest.GetAsync(danfe!);
        Assert.Equal(("application/pdf", "%PDF"), (pdf.Headers["content-type"], System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..4])));
        await Screens.CheckAsync(page, "93-fluxo-lote-autorizado", "emitir-nfe-em-lote");

        // Informar envio: one order in its row, the other in the bulk form; each tracking reaches its Tray order.
        await page.GotoAsync($"/vendas/pedidos?loja={storeId}");
        var shipment = page.Locator($"[data-shipment='{pending}']");
        await shipment.GetByText("Informar envio", new() { Exact = true }).ClickAsync();
        await shipment.GetByLabel($"Código de rastreio do pedido {pending}").FillAsync("QB123456789BR");
        await shipment.GetByLabel("URL de rastreio").FillAsync("https://rastreio.example/QB123456789BR");
        await shipment.GetByRole(AriaRole.Button, new() { Name = "Salvar envio" }).ClickAsync();
        await Expect(page.GetByText($"Envio do pedido {pending} informado")).ToBeVisibleAsync();
        await page.GetByText("Informar envio em lote", new() { Exact = true }).ClickAsync();
        await page.GetByLabel(new Regex("^Pedidos e códigos de rastreio")).FillAsync($"{ordinary} QB987654321BR");
        await page.GetByRole(AriaRole.Button, new() { Name = "Informar envio dos pedidos" }).ClickAsync();
        await Expect(page.GetByText("Envio informado em 1 pedido(s)")).ToBeVisibleAsync();
        foreach (var (id, code) in new[] { (pending, "QB123456789BR"), (ordinary, "QB987654321BR") })
        {
            // Static rendering: the row says what the connector knows when the page is read, so read it again until it is sent.
            await Eventually.ReturnsAsync(async () =>
            {
                await page.GotoAsync($"/vendas/pedidos?loja={storeId}");
                return await page.Locator($"[data-shipment='{id}'] [data-shipment-state]").TextContentAsync();
            }, state => state == "Rastreio enviado à Tray", Patience, $"the tracking of order {id} on Tray");
            var trayOrder = (await tray.GetFromJsonAsync<JsonElement>($"admin/stores/{storeId}/orders/{id}", Cancel)).GetProperty("Order");
            Assert.Equal(code, trayOrder.GetProperty("sending_code").GetString());
        }
        await Screens.CheckAsync(page, "95-fluxo-envio-informado");

        // Sign out: both sessions end, and the old session's cookie is worth nothing.
        var cookies = await page.Context.CookiesAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sair" }).ClickAsync();
        await Expect(page.GetByLabel("Senha")).ToBeVisibleAsync();
        using var replay = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = panel.PanelUrl };
        replay.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}")));
        Assert.Equal(HttpStatusCode.Found, (await replay.GetAsync("/vendas/pedidos", Cancel)).StatusCode);
    }

    private static async Task<string> NewOrderAsync(HttpClient tray, string storeId, object recipe)
    {
        var created = await tray.PostAsJsonAsync($"admin/stores/{storeId}/orders", recipe, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").ToString();
    }
}
