using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using TrayBridge.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace TrayBridge.UiTests;

/// <summary>Issue 9: Notas fiscais and Configurações › Emitente / Regras fiscais, as a merchant uses them.</summary>
public sealed class InvoicingScreensTests(PanelSystem panel)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_emitter_and_its_A1_certificate_are_set_up_through_the_screen_with_errors_beside_the_fields()
    {
        var user = await panel.NewTenantUserAsync("emitente");
        var page = await panel.NewPageAsync();
        await panel.SignInAsync(page, user, "/configuracoes/emitente");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Emitente", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Nenhum emitente cadastrado.")).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "40-emitente-vazio");

        await page.GetByLabel("CNPJ", new() { Exact = true }).FillAsync("11.222.333/0001-82");
        await page.GetByLabel("Inscrição estadual (IE)").FillAsync("123456789012");
        await page.GetByLabel("Razão social").FillAsync("LOJA EXEMPLO LTDA");
        await page.GetByLabel("Logradouro").FillAsync("RUA DAS FLORES");
        await page.GetByLabel("Número", new() { Exact = true }).FillAsync("100");
        await page.GetByLabel("Bairro").FillAsync("CENTRO");
        await page.GetByLabel("Município", new() { Exact = true }).FillAsync("SAO PAULO");
        await page.GetByLabel("Código IBGE do município").FillAsync("3550308");
        await page.GetByLabel("UF", new() { Exact = true }).FillAsync("SP");
        await page.GetByLabel("CEP").FillAsync("01001000");
        // Issue 11: no SEFAZ address is typed (it follows from the UF and the ambiente): the form has no such field.
        await Expect(page.GetByLabel("Autorização (NFeAutorizacao4)")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvar emitente" }).ClickAsync();

        // The check digit is wrong: the API's message shows beside the CNPJ, in Portuguese, and the CNPJ field points at it.
        await Expect(page.Locator("#erro-cnpj")).ToContainTextAsync("não é válido");
        await Expect(page.GetByLabel("CNPJ", new() { Exact = true })).ToHaveAttributeAsync("aria-describedby", "erro-cnpj");
        await Screens.CheckAsync(page, "41-emitente-erro");
        await page.GetByLabel("CNPJ", new() { Exact = true }).FillAsync("11.222.333/0001-81");
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvar emitente" }).ClickAsync();
        await Expect(page.GetByText("Dados do emitente salvos.")).ToBeVisibleAsync();
        // Issue 13: the DIFAL policy is the accountant's: by regime until chosen (Simples Nacional: not due).
        await Expect(page.GetByLabel("DIFAL (venda a consumidor de outra UF)")).ToHaveValueAsync("");
        await page.GetByLabel("DIFAL (venda a consumidor de outra UF)").SelectOptionAsync("not_due_zero_group");
        // The saved message is already on the page from the first save: wait for this save's answer before reloading.
        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Salvar emitente" }).ClickAsync(),
            response => response.Request.Method == "POST" && response.Url.Contains("/configuracoes/emitente"));
        await page.ReloadAsync();
        await Expect(page.GetByLabel("DIFAL (venda a consumidor de outra UF)")).ToHaveValueAsync("not_due_zero_group");
        // The endpoints in use are shown read-only: here the operator's override, the SEFAZ simulator, said as such.
        await Expect(page.Locator("#sefaz-servicos")).ToContainTextAsync(
            new Uri(panel.System.SefazSimulator.BaseAddress, "ws/NFeAutorizacao4/NFeAutorizacao4.asmx").ToString());
        await Expect(page.Locator("#sefaz-override")).ToContainTextAsync("simulador da SEFAZ");
        await Expect(page.GetByText("Nenhum certificado A1 enviado")).ToBeVisibleAsync();

        var pfx = Path.Combine(Path.GetTempPath(), $"a1-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(pfx, Convert.FromBase64String(A1Certificates.Pfx("11222333000181", notAfter: DateTimeOffset.UtcNow.AddDays(20))), Cancel);
        try
        {
            await page.GetByLabel("Arquivo do certificado (.pfx ou .p12)").SetInputFilesAsync(pfx);
            await page.GetByLabel("Senha do certificado").FillAsync(A1Certificates.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Enviar certificado" }).ClickAsync();
        }
        finally { File.Delete(pfx); }

        await Expect(page.GetByText("Certificado enviado.")).ToBeVisibleAsync();
        await Expect(page.Locator("dl.certificate")).ToContainTextAsync("11222333000181");
        var expiry = Br(DateTimeOffset.UtcNow.AddDays(20));
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "vence em" })).ToContainTextAsync(expiry);
        await Screens.CheckAsync(page, "42-emitente-certificado");

        // Regras fiscais: a 6xxx CFOP within the UF is refused beside its field.
        await page.GotoAsync("/configuracoes/regras-fiscais");
        await Expect(page.GetByText("Em uso: os valores padrão.")).ToBeVisibleAsync();
        await page.GetByLabel("Dentro da UF", new() { Exact = true }).FillAsync("6102");
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvar regras fiscais" }).ClickAsync();
        await Expect(page.Locator("#erro-cfop-intra")).ToContainTextAsync("começando por 5");
        await Screens.CheckAsync(page, "43-regras-fiscais-erro");
        await page.GetByLabel("Dentro da UF", new() { Exact = true }).FillAsync("5101");
        await page.GetByLabel("Alíquota interna de RJ").FillAsync("22");
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvar regras fiscais" }).ClickAsync();
        await Expect(page.GetByText("Regras fiscais salvas")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Alíquota interna de RJ")).ToHaveValueAsync("22");
    }

    [Fact]
    public async Task A_batchs_notes_are_listed_as_Autorizada_with_a_DANFE_link_that_serves_a_PDF_until_its_links_are_revoked()
    {
        var user = await panel.NewTenantUserAsync("notas");
        var system = panel.System;
        using var erp = system.Client(system.Gateway, user.TenantId);
        await InvoicingSteps.ConfigureEmitterAsync(erp, InvoicingSteps.NewCnpj());
        var storeId = Random.Shared.Next(700_000, 799_999).ToString();
        var ready = await ReadySalesOrdersAsync(erp, storeId);
        var batch = await (await erp.PostAsJsonAsync("api/invoicing/batches", new { salesOrderIds = ready }, Cancel)).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var progress = await Eventually.ReturnsAsync(() => erp.GetFromJsonAsync<JsonElement>($"api/invoicing/batches/{batch.GetProperty("id").GetGuid()}", Cancel),
            b => b.GetProperty("done").GetBoolean(), TimeSpan.FromSeconds(120), "the batch settles");
        Assert.Equal(ready.Count, progress.GetProperty("counts").GetProperty("authorized").GetInt32());

        var page = await panel.NewPageAsync();
        await panel.SignInAsync(page, user, "/notas-fiscais");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notas fiscais", Level = 1 })).ToBeVisibleAsync();
        var rows = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.Locator("[data-situation=Autorizada]") });
        await Expect(rows).ToHaveCountAsync(ready.Count);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"{ready.Count} Autorizada" })).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "30-notas-fiscais");

        var danfe = page.GetByRole(AriaRole.Link, new() { Name = "DANFE (PDF) da NF-e 1", Exact = true });
        var href = await danfe.GetAttributeAsync("href");
        var pdf = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, pdf.Status);
        Assert.StartsWith("application/pdf", pdf.Headers["content-type"]);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..4]));

        // Revogar links (asked to confirm): the note's DANFE link answers "link revogado" (410), the row says so.
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Revogar links da NF-e 1", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Links revogados: o DANFE e o XML desta nota")).ToBeVisibleAsync();
        await Expect(page.GetByText("Links revogados em")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "DANFE (PDF) da NF-e 1", Exact = true })).ToHaveCountAsync(0);
        Assert.Equal(410, (await page.APIRequest.GetAsync(href!)).Status);
        await Screens.CheckAsync(page, "30b-notas-fiscais-links-revogados");

        // A card filters the list: none rejected, and the empty list says what to do.
        await page.GetByRole(AriaRole.Link, new() { Name = "0 Rejeitada" }).ClickAsync();
        await Expect(page.GetByText("Nenhuma nota fiscal encontrada.")).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "31-notas-fiscais-vazio");

        // Issue 13: Cancelar from the list, the justification form, SEFAZ's answer, and the note shown Cancelada with its
        // documents kept (the DANFE marked CANCELADA).
        await page.GotoAsync("/notas-fiscais");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancelar a NF-e 2", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cancelar NF-e", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Justificativa (15 a 255 caracteres)").FillAsync("Pedido cancelado pelo cliente na loja");
        await Screens.CheckAsync(page, "32-cancelar-nfe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancelar NF-e" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "cancelada na SEFAZ — protocolo" })).ToBeVisibleAsync();
        var cancelledDanfe = await page.GetByRole(AriaRole.Link, new() { Name = "DANFE (marcado CANCELADA)" }).GetAttributeAsync("href");
        Assert.Equal(200, (await page.APIRequest.GetAsync(cancelledDanfe!)).Status);
        await Screens.CheckAsync(page, "33-nfe-cancelada");
        await page.GotoAsync("/notas-fiscais?situacao=Cancelada");
        await Expect(page.Locator("[data-situation=Cancelada]")).ToHaveCountAsync(1);
        await Expect(page.GetByText("Pedido cancelado pelo cliente na loja")).ToBeVisibleAsync();
    }

    /// <summary>A store on the Tray simulator with a few orders, connected, imported, with the NCMs the seed leaves out
    /// completed: the sales orders ready for NF-e (as the end-to-end test gets them, through the gateway).</summary>
    private async Task<List<Guid>> ReadySalesOrdersAsync(HttpClient erp, string storeId)
    {
        using var tray = panel.System.Client(panel.System.TraySimulator);
        var store = await (await tray.PostAsJsonAsync("admin/stores", new { storeId, products = 5, orders = 6 }, Cancel)).Content
            .ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(HttpStatusCode.Created, (await erp.PostAsJsonAsync("api/stores", new
        {
            platform = "TrayCommerce", storeId, apiAddress = store.GetProperty("apiAddress").GetString(), code = store.GetProperty("code").GetString(),
        }, Cancel)).StatusCode);
        var mirror = await Eventually.ReturnsAsync(() => erp.GetFromJsonAsync<JsonElement>($"api/tray/orders?storeId={storeId}&pageSize=100", Cancel),
            m => m.GetProperty("total").GetInt32() == 6 && m.GetProperty("items").EnumerateArray().All(r => r.GetProperty("complete").GetBoolean()),
            TimeSpan.FromSeconds(90), "the store's orders mirrored");
        var trayOrderIds = mirror.GetProperty("items").EnumerateArray().Where(r => !r.GetProperty("cancelled").GetBoolean())
            .Select(r => r.GetProperty("trayOrderId").GetString()!).ToArray();
        Assert.Equal(HttpStatusCode.Accepted, (await erp.PostAsJsonAsync("api/tray/orders/import", new { storeId, trayOrderIds }, Cancel)).StatusCode);
        async Task<List<JsonElement>> SalesOrdersAsync() => [.. (await erp.GetFromJsonAsync<JsonElement>(
            $"api/orders/sales-orders?storeId={storeId}&pageSize=200", Cancel)).GetProperty("items").EnumerateArray()];
        var imported = await Eventually.ReturnsAsync(SalesOrdersAsync, o => o.Count == trayOrderIds.Length, TimeSpan.FromSeconds(90), "the orders imported");
        foreach (var pending in imported.Where(InvoicingSteps.LacksOnlyNcm))
            await InvoicingSteps.CompleteNcmsAsync(erp, pending.GetProperty("id").GetGuid());
        var ready = (await SalesOrdersAsync()).Where(o => o.GetProperty("statusLabel").GetString() == "Pronto para faturar")
            .Select(o => o.GetProperty("id").GetGuid()).ToList();
        Assert.NotEmpty(ready);
        return ready;
    }

    private static string Br(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo")).ToString("dd/MM/yyyy");
}
