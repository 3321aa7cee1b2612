using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using TrayBridge.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace TrayBridge.UiTests;

/// <summary>Vendas › Pedidos de venda in the browser: an order imported from Tray without the buyer's CPF shows as
/// Pendente with what is missing; fixed in the row (a wrong CPF refused beside the field first), it becomes Pronto para
/// faturar and can be checked for the batch (nothing checked, the batch is not sent and the screen says why); sent, the
/// batch page shows its note Autorizada with the DANFE. Cancelled on Tray afterwards, it waits on Início and offers
/// "Cancelar NF-e" (issue 13).</summary>
public sealed class SalesOrdersScreenTests(PanelSystem panel)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_imported_order_pending_on_its_CPF_fixed_in_the_screen_becomes_ready_to_invoice()
    {
        var user = await panel.NewTenantUserAsync("pedidos");
        var storeId = Random.Shared.Next(600_000, 699_999).ToString();
        var trayOrderId = await ImportOrderWithoutDocumentAsync(user.TenantId, storeId);
        var page = await panel.NewPageAsync();

        await panel.SignInAsync(page, user, "/vendas/pedidos");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pedidos de venda", Level = 1 })).ToBeVisibleAsync();
        var row = page.Locator($"tr[data-order='{trayOrderId}']");
        await Expect(row).ToContainTextAsync("Pendente: falta CPF/CNPJ");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "1 Pendente" })).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "40-pedidos-de-venda-pendente");

        // A CPF with a wrong check digit: refused beside the field, in Portuguese, what was typed kept.
        var cpf = page.GetByLabel("CPF/CNPJ do cliente");
        await cpf.FillAsync("111.111.111-12");
        await cpf.PressAsync("Enter");
        await Expect(page.GetByText("CPF ou CNPJ inválido: confira os dígitos.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("CPF/CNPJ do cliente")).ToHaveValueAsync("111.111.111-12");
        await Screens.CheckAsync(page, "41-pedidos-de-venda-cpf-recusado");

        await page.GetByLabel("CPF/CNPJ do cliente").FillAsync("529.982.247-25");
        await page.GetByLabel("CPF/CNPJ do cliente").PressAsync("Enter");
        await Expect(page.GetByText($"Pedido {trayOrderId} corrigido")).ToBeVisibleAsync();
        // Whatever else the order lacked (a product without NCM on Tray), fixed the same way, item by item.
        while (await page.GetByLabel(new System.Text.RegularExpressions.Regex("^NCM do item")).CountAsync() > 0)
        {
            var ncm = page.GetByLabel(new System.Text.RegularExpressions.Regex("^NCM do item")).First;
            await ncm.FillAsync("6109.10.00");
            await ncm.PressAsync("Enter");
            await Expect(page.GetByText($"Pedido {trayOrderId} corrigido")).ToBeVisibleAsync();
        }

        await Expect(row).ToContainTextAsync("Pronto para faturar");
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = $"Selecionar pedido {trayOrderId}" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "1 Pronto para faturar" })).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "42-pedidos-de-venda-pronto");

        // Select-all checks the page's ready rows; with none checked the batch is not sent and the screen says why.
        var selectAll = page.GetByRole(AriaRole.Checkbox, new() { Name = "Selecionar todos desta página" });
        await selectAll.CheckAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = $"Selecionar pedido {trayOrderId}" })).ToBeCheckedAsync();
        await selectAll.UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Emitir NF-e em lote" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Marque ao menos um pedido pronto para faturar.");

        // Checked and sent: the batch page follows it to SEFAZ's answer, with the note's documents.
        await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Selecionar pedido {trayOrderId}" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Emitir NF-e em lote" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lote de NF-e", Level = 1 })).ToBeVisibleAsync();
        Assert.Contains("/vendas/pedidos/lotes/", page.Url);
        var note = page.Locator("tr[data-state]").Filter(new() { HasText = trayOrderId });
        await Expect(note).ToContainTextAsync("Autorizada", new() { Timeout = 90_000 });
        await Expect(page.GetByText("Lote concluído.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"DANFE (PDF) do pedido {trayOrderId}" })).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "43-lote-de-nfe");

        // Issue 13: Tray cancels the invoiced order. Nothing is cancelled on its own (the NF-e is a fiscal act): Início lists
        // it as waiting, and its row offers "Cancelar NF-e" on the note's own form in Notas fiscais.
        await CancelOnTrayAsync(user.TenantId, storeId, trayOrderId);
        await page.GotoAsync("/");
        var waiting = page.GetByRole(AriaRole.Link, new() { Name = "1 pedido cancelado na Tray com NF-e autorizada" });
        await Expect(waiting).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "46-inicio-cancelado-na-tray-com-nfe");
        await waiting.ClickAsync();
        await Expect(row).ToContainTextAsync("Cancelado na Tray — NF-e autorizada");
        var cancelNfe = page.GetByRole(AriaRole.Link, new() { Name = $"Cancelar NF-e do pedido {trayOrderId}" });
        await Expect(cancelNfe).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/notas-fiscais/[0-9a-f-]{36}/cancelar$"));
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = $"Selecionar pedido {trayOrderId}" })).ToHaveCountAsync(0);
        await Screens.CheckAsync(page, "47-pedidos-de-venda-cancelado-na-tray-com-nfe");
    }

    /// <summary>Cancels the order on the Tray simulator and has the connector read the store again, until Orders shows it.</summary>
    private async Task CancelOnTrayAsync(string tenantId, string storeId, string trayOrderId)
    {
        var system = panel.System;
        using var tray = system.Client(system.TraySimulator);
        using var erp = system.Client(system.Gateway, tenantId);
        Assert.True((await tray.PostAsync($"admin/stores/{storeId}/orders/{trayOrderId}/cancel", null, Cancel)).IsSuccessStatusCode);
        var refreshed = DateTimeOffset.MinValue;
        await Eventually.ReturnsAsync(async () =>
            {
                // "Atualizar da Tray" now and then (a poll reads the change), not at every probe.
                if (DateTimeOffset.UtcNow - refreshed > TimeSpan.FromSeconds(5))
                {
                    (await erp.PostAsJsonAsync("api/tray/orders/refresh", new { storeId }, Cancel)).Dispose();
                    refreshed = DateTimeOffset.UtcNow;
                }
                return await erp.GetFromJsonAsync<JsonElement>($"api/orders/sales-orders?trayOrderIds={trayOrderId}", Cancel);
            }, body => body.GetProperty("items")[0].GetProperty("situation").GetString() == "cancelled_on_tray_invoiced",
            TimeSpan.FromSeconds(60), "Tray's cancellation seen by Orders");
    }

    /// <summary>Issue 10: two Shopee orders Tray sent without the seller's id there show Pendente on it (the NF-e's
    /// idCadIntTran); the merchant types it once on one of them for the whole marketplace, both become ready, and
    /// Configurações › Marketplaces shows the store's id.</summary>
    [Fact]
    public async Task A_marketplace_order_pending_on_the_sellers_id_is_fixed_for_its_marketplace_and_becomes_ready_to_invoice()
    {
        var user = await panel.NewTenantUserAsync("vendedor");
        var storeId = Random.Shared.Next(600_000, 699_999).ToString();
        var trayOrderIds = await ImportMarketplaceOrdersWithoutSellerIdAsync(user.TenantId, storeId, count: 2);
        var page = await panel.NewPageAsync();

        await panel.SignInAsync(page, user, "/vendas/pedidos");

        var first = page.Locator($"tr[data-order='{trayOrderIds[0]}']");
        var second = page.Locator($"tr[data-order='{trayOrderIds[1]}']");
        await Expect(first).ToContainTextAsync("falta id do vendedor no marketplace (Shopee)");
        await Expect(second).ToContainTextAsync("falta id do vendedor no marketplace (Shopee)");
        await Screens.CheckAsync(page, "44-pedidos-de-venda-id-do-vendedor");

        var sellerId = page.GetByLabel("Id do vendedor no marketplace").First;
        await sellerId.FillAsync("x");
        await sellerId.PressAsync("Enter");
        await Expect(page.GetByText("O id do vendedor tem de 2 a 60 caracteres.")).ToBeVisibleAsync();
        await page.GetByLabel("Id do vendedor no marketplace").First.FillAsync("SHOPEE-LOJA-1");
        await Expect(page.GetByLabel("Aplicar a todos os pedidos deste marketplace").First).ToBeCheckedAsync();
        await page.GetByLabel("Id do vendedor no marketplace").First.PressAsync("Enter");
        await Expect(page.GetByText("corrigido")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Id do vendedor no marketplace")).ToHaveCountAsync(0);
        // Whatever else they lacked (a product without NCM on Tray), fixed item by item.
        while (await page.GetByLabel(new System.Text.RegularExpressions.Regex("^NCM do item")).CountAsync() > 0)
        {
            var ncm = page.GetByLabel(new System.Text.RegularExpressions.Regex("^NCM do item")).First;
            await ncm.FillAsync("6109.10.00");
            await ncm.PressAsync("Enter");
            await Expect(page.GetByText("corrigido")).ToBeVisibleAsync();
        }
        await Expect(first).ToContainTextAsync("Pronto para faturar");
        await Expect(second).ToContainTextAsync("Pronto para faturar");

        await page.GotoAsync("/configuracoes/marketplaces");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Marketplaces: id do vendedor", Level = 1 })).ToBeVisibleAsync();
        var shopee = page.Locator("tr[data-marketplace='Shopee']");
        await Expect(shopee.GetByLabel("Id do vendedor no Shopee")).ToHaveValueAsync("SHOPEE-LOJA-1");
        await Expect(shopee.Locator("td").Last).ToHaveTextAsync("0");
        await shopee.GetByLabel("Id do vendedor no Shopee").FillAsync("SHOPEE-LOJA-2");
        await shopee.GetByLabel("Id do vendedor no Shopee").PressAsync("Enter");
        await Expect(page.GetByText("Id do vendedor salvo para Shopee")).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "45-configuracoes-marketplaces");
    }

    /// <summary>A Tray store of the tenant's own with <paramref name="count"/> Shopee orders without the seller's id there,
    /// connected and imported through the API, until Orders has their sales orders.</summary>
    private async Task<string[]> ImportMarketplaceOrdersWithoutSellerIdAsync(string tenantId, string storeId, int count)
    {
        var system = panel.System;
        using var tray = system.Client(system.TraySimulator);
        using var erp = system.Client(system.Gateway, tenantId);
        var store = await (await tray.PostAsJsonAsync("admin/stores", new { storeId, products = 3, orders = 0 }, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var trayOrderIds = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var created = await tray.PostAsJsonAsync($"admin/stores/{storeId}/orders", new { status = "A ENVIAR", marketplace = "Shopee", withoutSellerId = true }, Cancel);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            trayOrderIds.Add((await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").ToString());
        }
        Assert.Equal(HttpStatusCode.Created, (await erp.PostAsJsonAsync("api/stores", new
        {
            platform = "TrayCommerce", storeId, apiAddress = store.GetProperty("apiAddress").GetString(), code = store.GetProperty("code").GetString(),
        }, Cancel)).StatusCode);
        await Eventually.ReturnsAsync(() => erp.GetFromJsonAsync<JsonElement>($"api/tray/orders?storeId={storeId}", Cancel),
            body => body.GetProperty("total").GetInt32() == count, TimeSpan.FromSeconds(60), "the orders mirrored");
        Assert.Equal(HttpStatusCode.Accepted, (await erp.PostAsJsonAsync("api/tray/orders/import", new { storeId, trayOrderIds }, Cancel)).StatusCode);
        await Eventually.ReturnsAsync(() => erp.GetFromJsonAsync<JsonElement>($"api/orders/sales-orders?storeId={storeId}", Cancel),
            body => body.GetProperty("total").GetInt32() == count, TimeSpan.FromSeconds(60), "the sales orders made");
        return [.. trayOrderIds];
    }

    /// <summary>A Tray store of the tenant's own with one order whose buyer has no CPF, connected and that order imported
    /// through the API (the import screen is another test's), until Orders has its sales order; and the tenant's emitter.</summary>
    private async Task<string> ImportOrderWithoutDocumentAsync(string tenantId, string storeId)
    {
        var system = panel.System;
        using var tray = system.Client(system.TraySimulator);
        using var erp = system.Client(system.Gateway, tenantId);
        var store = await (await tray.PostAsJsonAsync("admin/stores", new { storeId, products = 3, orders = 0 }, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var created = await tray.PostAsJsonAsync($"admin/stores/{storeId}/orders", new { status = "A ENVIAR", customer = new { withoutDocument = true } }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var trayOrderId = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").ToString();
        Assert.Equal(HttpStatusCode.Created, (await erp.PostAsJsonAsync("api/stores", new
        {
            platform = "TrayCommerce", storeId, apiAddress = store.GetProperty("apiAddress").GetString(), code = store.GetProperty("code").GetString(),
        }, Cancel)).StatusCode);
        await Eventually.ReturnsAsync(() => erp.GetFromJsonAsync<JsonElement>($"api/tray/orders?storeId={storeId}", Cancel),
            body => body.GetProperty("total").GetInt32() == 1, TimeSpan.FromSeconds(60), "the order mirrored");
        Assert.Equal(HttpStatusCode.Accepted, (await erp.PostAsJsonAsync("api/tray/orders/import", new { storeId, trayOrderIds = new[] { trayOrderId } }, Cancel)).StatusCode);
        await Eventually.ReturnsAsync(() => erp.GetFromJsonAsync<JsonElement>($"api/orders/sales-orders?trayOrderIds={trayOrderId}", Cancel),
            body => body.GetProperty("total").GetInt32() == 1, TimeSpan.FromSeconds(60), "the sales order made");
        await InvoicingSteps.ConfigureEmitterAsync(erp, InvoicingSteps.NewCnpj());
        return trayOrderId;
    }
}
