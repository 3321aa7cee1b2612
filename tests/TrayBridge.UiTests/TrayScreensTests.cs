using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TrayBridge.Api.Tray;
using TrayBridge.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace TrayBridge.UiTests;

/// <summary>The connector's screens in a browser: Lojas Virtuais (a refused code shown on the form, then the right one,
/// test, re-authorise, remove), Importar Pedidos (live progress to Integrado) and its filters on seeded edge cases.</summary>
public sealed class TrayScreensTests(PanelSystem panel)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private static string NewTrayStoreId() => Random.Shared.Next(600_000, 700_000).ToString(CultureInfo.InvariantCulture);

    private HttpClient Tray() => panel.System.Client(panel.System.TraySimulator);

    private async Task<JsonElement> NewTrayStoreAsync(string storeId, int products)
    {
        using var tray = Tray();
        var response = await tray.PostAsJsonAsync("admin/stores", new { storeId, products }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    private async Task<string> NewOrderAsync(string storeId, object recipe)
    {
        using var tray = Tray();
        var response = await tray.PostAsJsonAsync($"admin/stores/{storeId}/orders", recipe, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString()!;
    }

    /// <summary>A store registered through the API (the screens under test are elsewhere), its mirror holding <paramref name="orders"/>.</summary>
    private async Task<HttpClient> ConnectedStoreAsync(string tenantId, string storeId, Func<Task> placeOrders, int orders)
    {
        var tray = await NewTrayStoreAsync(storeId, products: 4);
        await placeOrders();
        var api = panel.System.Client(panel.System.Gateway, tenantId);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("api/stores", new RegisterStoreRequest("TrayCommerce", storeId,
            tray.GetProperty("apiAddress").GetString(), tray.GetProperty("code").GetString()), Cancel)).StatusCode);
        await Eventually.ReturnsAsync(() => api.GetFromJsonAsync<TrayOrderPage>($"api/tray/orders?storeId={storeId}", Cancel),
            page => page!.Total == orders && page.Items.All(o => o.Complete), Patience, "the store's orders in the mirror");
        return api;
    }

    private static ILocator Rows(IPage page) => page.Locator("tr[data-order]");

    private static async Task<Dictionary<string, int>> CardsAsync(IPage page)
    {
        var cards = page.GetByRole(AriaRole.List, new() { Name = "Situação dos pedidos na loja" }).GetByRole(AriaRole.Link);
        var counts = new Dictionary<string, int>();
        foreach (var text in await cards.AllInnerTextsAsync())
        {
            var match = Regex.Match(text.Trim(), @"^(\d+)\s+(.+)$", RegexOptions.Singleline);
            counts[match.Groups[2].Value.Trim()] = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        return counts;
    }

    [Fact]
    public async Task A_store_refused_by_Tray_shows_why_on_the_form_and_keeps_nothing_then_the_right_code_connects_it_and_opens_the_TRAY_menu()
    {
        var user = await panel.NewTenantUserAsync("lojas");
        var storeId = NewTrayStoreId();
        var tray = await NewTrayStoreAsync(storeId, products: 3);
        var page = await panel.NewPageAsync();
        await panel.SignInAsync(page, user, "/utilitarios/lojas-virtuais");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lojas Virtuais", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Nenhuma loja virtual cadastrada.")).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "10-lojas-virtuais-vazia");

        await page.GetByRole(AriaRole.Link, new() { Name = "Cadastrar loja virtual" }).ClickAsync();
        await Expect(page.GetByLabel("Loja", new() { Exact = true })).ToHaveValueAsync("TrayCommerce");
        await page.GetByLabel("Usuário", new() { Exact = true }).FillAsync(storeId);
        await page.GetByLabel("Site (URL)", new() { Exact = true }).FillAsync(tray.GetProperty("apiAddress").GetString()!);
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync("nao-e-o-code");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmar" }).ClickAsync();

        var refusal = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "A Tray recusou o code" });
        await Expect(refusal).ToBeVisibleAsync();
        await Expect(refusal).ToHaveAttributeAsync("data-code", TrayProblemCodes.TrayRefusedCode);
        await Expect(page.GetByLabel("Usuário", new() { Exact = true })).ToHaveValueAsync(storeId); // what was typed stays to be corrected
        await Screens.CheckAsync(page, "11-loja-code-recusado");
        using (var api = panel.System.Client(panel.System.Gateway, user.TenantId))
            Assert.Empty((await api.GetFromJsonAsync<List<VirtualStore>>("api/stores", Cancel))!);

        // Site (URL) as merchants often type it: the shop's address, no /web_api, a trailing slash; it is adjusted and said so.
        var apiAddress = tray.GetProperty("apiAddress").GetString()!;
        await page.GetByLabel("Site (URL)", new() { Exact = true }).FillAsync(apiAddress[..^"/web_api".Length] + "/");
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(tray.GetProperty("code").GetString()!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmar" }).ClickAsync();

        await Expect(page.GetByText($"Loja {storeId} cadastrada e conectada à Tray.")).ToContainTextAsync($"Endereço da API ajustado para {apiAddress}.");
        var row = page.Locator($"tr[data-store='{storeId}']");
        await Expect(row).ToContainTextAsync("Conectada");
        await Expect(row.Locator("td.url")).ToHaveTextAsync(apiAddress);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Importar Pedidos" })).ToBeVisibleAsync(); // the TRAY menu is on
        await Screens.CheckAsync(page, "12-lojas-virtuais-conectada");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Testar conexão da loja {storeId}" }).ClickAsync();
        await Expect(page.GetByText($"Conexão com a loja {storeId} funcionando")).ToContainTextAsync("3 produtos cadastrados");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Reautorizar a loja {storeId}" }).ClickAsync();
        string newCode;
        using (var simulator = Tray())
            newCode = (await (await simulator.PostAsync($"admin/stores/{storeId}/codes", null, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel))
                .GetProperty("code").GetString()!;
        await page.GetByLabel("Novo code").FillAsync(newCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmar" }).ClickAsync();
        await Expect(page.GetByText($"Loja {storeId} reautorizada e conectada.")).ToBeVisibleAsync();

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Remover a loja {storeId}" }).ClickAsync();
        await Expect(page.GetByText($"Loja {storeId} removida.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Nenhuma loja virtual cadastrada.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Importar Pedidos" })).ToHaveCountAsync(0); // off again

        // Who registered, re-authorised and removed the store, newest first (issue 11: registrations are audited).
        var history = page.GetByRole(AriaRole.Table, new() { Name = "Histórico de cadastros" });
        await Expect(history.Locator("tbody tr")).ToHaveCountAsync(4);
        await Expect(history.Locator("tbody tr td:last-child")).ToHaveTextAsync(
            ["Loja removida.", "Loja autorizada de novo.", "Loja cadastrada.", "Cadastro recusado: a Tray recusou o code."]);
        await Screens.CheckAsync(page, "13-lojas-virtuais-historico");
    }

    [Fact]
    public async Task Importing_the_chosen_orders_shows_live_progress_until_each_one_is_Integrado()
    {
        var user = await panel.NewTenantUserAsync("importar");
        var storeId = NewTrayStoreId();
        var ids = new List<string>();
        using var api = await ConnectedStoreAsync(user.TenantId, storeId, async () =>
        {
            for (var i = 0; i < 3; i++) ids.Add(await NewOrderAsync(storeId, new { }));
        }, orders: 3);
        var page = await panel.NewPageAsync();

        await panel.SignInAsync(page, user, $"/tray/importar-pedidos?loja={storeId}");
        await Expect(Rows(page)).ToHaveCountAsync(3);
        Assert.Equal(3, (await CardsAsync(page))["Não integrado"]);
        await Screens.CheckAsync(page, "20-importar-pedidos");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Selecionar todos desta página" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Importar selecionados" }).ClickAsync();

        await page.WaitForURLAsync(new Regex("/tray/importar-pedidos/importacoes/[0-9a-f-]{36}"));
        await Expect(page.GetByText("3 de 3")).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        foreach (var id in ids) await Expect(page.Locator($"tr[data-order='{id}']")).ToContainTextAsync("Integrado");
        await Expect(page.GetByText("Importação concluída")).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "21-importacao-concluida");

        await page.ReloadAsync(); // the progress lives in the API: a reload finds it again
        await Expect(page.GetByText("3 de 3")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Voltar a Importar Pedidos" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Importar Pedidos", Level = 1 })).ToBeVisibleAsync();
        await Expect(Rows(page)).ToHaveCountAsync(3);
        Assert.Equal((3, 0), ((await CardsAsync(page))["Integrado"], (await CardsAsync(page))["Não integrado"]));

        // Issue 15: the store's activity, from its row in Lojas Virtuais, shows each import with its result and trace id,
        // and the filter by type keeps only those.
        await page.GotoAsync("/utilitarios/lojas-virtuais");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Atividade da loja {storeId}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Atividade da loja {storeId}", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Tipo").SelectOptionAsync(new SelectOptionValue { Label = "Importação de pedido" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrar" }).ClickAsync();
        var imports = page.Locator("tr[data-activity='order_import']");
        await Expect(imports).ToHaveCountAsync(3);
        await Expect(page.Locator("tr[data-activity]")).ToHaveCountAsync(3);
        foreach (var id in ids) await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Pedido {id}", Exact = true })).ToBeVisibleAsync();
        await Expect(imports.First).ToContainTextAsync("Sucesso");
        await Expect(imports.First.Locator("code")).ToHaveTextAsync(new Regex("^[0-9a-f]{32}$"));
        await Screens.CheckAsync(page, "24-atividade-da-loja");
    }

    [Fact]
    public async Task The_filters_find_an_accented_name_typed_without_accents_an_order_at_2330_on_its_Sao_Paulo_day_and_count_each_situation()
    {
        var user = await panel.NewTenantUserAsync("filtros");
        var storeId = NewTrayStoreId();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, SaoPaulo).DateTime);
        var yesterday = today.AddDays(-1);
        var lateNight = new DateTimeOffset(yesterday.ToDateTime(new TimeOnly(23, 30)), SaoPaulo.GetUtcOffset(yesterday.ToDateTime(new TimeOnly(23, 30))));
        string accented = "", boundary = "", integrated = "", failing = "", divergent = "";
        using var api = await ConnectedStoreAsync(user.TenantId, storeId, async () =>
        {
            accented = await NewOrderAsync(storeId, new { customer = new { name = "Conceição Araújo" } });
            boundary = await NewOrderAsync(storeId, new { placedAt = lateNight }); // 02:30 UTC: already "today" in UTC
            integrated = await NewOrderAsync(storeId, new { });
            failing = await NewOrderAsync(storeId, new { unlistedDiscount = 7.50m }); // totals no reading reconciles: Erro
            divergent = await NewOrderAsync(storeId, new { });
        }, orders: 5);
        var import = await api.PostAsJsonAsync("api/tray/orders/import", new ImportOrdersRequest(storeId, [integrated, failing, divergent]), Cancel);
        var importId = (await import.Content.ReadFromJsonAsync<ImportAccepted>(Cancel))!.ImportId;
        await Eventually.ReturnsAsync(() => api.GetFromJsonAsync<ImportProgress>($"api/tray/orders/imports/{importId}", Cancel),
            p => p!.Finished, Patience, "the import");
        // Edited on Tray after its import: the mirror sees it at the next poll and shows Divergente.
        using (var tray = Tray())
        {
            var order = (await tray.GetFromJsonAsync<JsonElement>($"admin/stores/{storeId}/orders/{divergent}", Cancel)).GetProperty("Order");
            var line = order.GetProperty("ProductsSold")[0].GetProperty("ProductsSold");
            Assert.Equal(HttpStatusCode.OK, (await tray.PostAsJsonAsync($"admin/stores/{storeId}/orders/{divergent}/items", new
            {
                productId = long.Parse(line.GetProperty("product_id").GetString()!, CultureInfo.InvariantCulture),
                variantId = line.GetProperty("variant_id").GetString() is { Length: > 0 } v && v != "0" ? long.Parse(v, CultureInfo.InvariantCulture) : (long?)null,
                quantity = decimal.Parse(line.GetProperty("quantity").GetString()!, CultureInfo.InvariantCulture) + 2,
            }, Cancel)).StatusCode);
        }
        await Eventually.ReturnsAsync(() => api.GetFromJsonAsync<TrayOrderPage>($"api/tray/orders?storeId={storeId}&situation=Divergente", Cancel),
            p => p!.Total == 1, Patience, "the edited order Divergente");
        var page = await panel.NewPageAsync();

        await panel.SignInAsync(page, user, $"/tray/importar-pedidos?loja={storeId}");

        Assert.Equal(new Dictionary<string, int>
        {
            [OrderSituations.NotIntegrated] = 2, [OrderSituations.Importing] = 0, [OrderSituations.Integrated] = 1, [OrderSituations.Error] = 1,
            [OrderSituations.Divergent] = 1,
        }, await CardsAsync(page));
        await page.GetByLabel("Cliente", new() { Exact = true }).FillAsync("conceicao");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrar" }).ClickAsync();
        await Expect(Rows(page)).ToHaveCountAsync(1);
        await Expect(Rows(page)).ToContainTextAsync("Conceição Araújo");
        await Screens.CheckAsync(page, "22-importar-pedidos-filtro-cliente");

        await page.GetByLabel("Cliente", new() { Exact = true }).FillAsync("");
        await page.GetByLabel("Data de", new() { Exact = true }).FillAsync(yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Data até", new() { Exact = true }).FillAsync(yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrar" }).ClickAsync();
        await Expect(Rows(page)).ToHaveCountAsync(1);
        await Expect(page.Locator($"tr[data-order='{boundary}']")).ToContainTextAsync($"{yesterday:dd/MM/yyyy} 23:30");
        await page.GetByLabel("Data de", new() { Exact = true }).FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Data até", new() { Exact = true }).FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrar" }).ClickAsync();
        await Expect(Rows(page)).ToHaveCountAsync(4);
        await Expect(page.Locator($"tr[data-order='{boundary}']")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Limpar filtros" }).ClickAsync();
        await Expect(Rows(page)).ToHaveCountAsync(5);
        foreach (var (situation, expected) in new[] { (OrderSituations.NotIntegrated, 2), (OrderSituations.Integrated, 1), (OrderSituations.Error, 1),
                     (OrderSituations.Divergent, 1), (OrderSituations.Importing, 0) })
        {
            await page.GetByLabel("Situação", new() { Exact = true }).SelectOptionAsync(situation);
            await page.GetByRole(AriaRole.Button, new() { Name = "Filtrar" }).ClickAsync();
            // The page answered for this filter: its card is the current one (and says how many).
            await Expect(page.Locator("a[aria-current='true']")).ToHaveTextAsync(new Regex($@"^\s*{expected}\s+{Regex.Escape(situation)}\s*$"));
            await Expect(Rows(page)).ToHaveCountAsync(expected);
        }
        await page.GetByLabel("Situação", new() { Exact = true }).SelectOptionAsync(OrderSituations.Error);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrar" }).ClickAsync();
        await Expect(page.Locator($"tr[data-order='{failing}']")).ToContainTextAsync("R$"); // the reason, with both totals
        await Screens.CheckAsync(page, "23-importar-pedidos-erro");
    }

    [Fact]
    public async Task Tray_de_para_maps_an_ERP_category_and_brand_to_what_the_store_has_and_keeps_the_create_options()
    {
        var user = await panel.NewTenantUserAsync("depara");
        var storeId = NewTrayStoreId();
        using var api = await ConnectedStoreAsync(user.TenantId, storeId, () => Task.CompletedTask, orders: 0);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("api/catalog/categories", new { name = "Vestuário" }, Cancel)).StatusCode);
        var page = await panel.NewPageAsync();

        await panel.SignInAsync(page, user, "/configuracoes/tray-de-para");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tray de/para", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Nenhuma categoria mapeada.")).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "30-tray-de-para");

        await page.GetByLabel("Categoria do ERP", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Vestuário" });
        var trayCategory = page.GetByLabel("Categoria na Tray", new() { Exact = true });
        await trayCategory.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        var trayPath = (await trayCategory.Locator("option:checked").InnerTextAsync()).Trim();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mapear categoria" }).ClickAsync();
        await Expect(page.GetByText("Categoria mapeada.")).ToBeVisibleAsync();
        var categoryRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Vestuário" });
        await Expect(categoryRow).ToContainTextAsync(trayPath);
        await Expect(categoryRow).ToContainTextAsync("Mapeada por você");

        await page.GetByLabel("Marca do ERP", new() { Exact = true }).FillAsync("Acme Têxtil");
        await page.GetByLabel("Marca na Tray", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Mapear marca" }).ClickAsync();
        await Expect(page.GetByText("Marca mapeada.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Acme Têxtil" })).ToContainTextAsync("Mapeada por você");

        await page.GetByLabel("Criar na Tray as categorias que não existirem").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvar opções" }).ClickAsync();
        await Expect(page.GetByText("Opções salvas.")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.GetByLabel("Criar na Tray as categorias que não existirem")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Criar na Tray as marcas que não existirem")).Not.ToBeCheckedAsync();
        await Screens.CheckAsync(page, "31-tray-de-para-mapeado");

        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Acme Têxtil" }).GetByRole(AriaRole.Button, new() { Name = "Desfazer" }).ClickAsync();
        await Expect(page.GetByText("Nenhuma marca mapeada.")).ToBeVisibleAsync();
        var mapping = (await api.GetFromJsonAsync<CatalogMapping>($"api/tray/stores/{storeId}/catalog-mapping", Cancel))!;
        Assert.Equal((true, false, 1, 0), (mapping.CreateCategories, mapping.CreateBrands, mapping.Categories.Count, mapping.Brands.Count));
    }
}
