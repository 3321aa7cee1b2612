using System.Net;
using System.Text;
using System.Text.Json;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TrayBridge.Api.Tray;
using TrayBridge.Web.Api;
using TrayBridge.Web.Components.Pages.Import;
using TrayBridge.Web.Components.Pages.Stores;

namespace TrayBridge.Web.Tests;

/// <summary>The connector's pages rendered against a stubbed API (the records the real one answers): what a person sees
/// for a store, an order list and an import, and that an API error is shown with its Portuguese detail.</summary>
public sealed class TrayPageTests : BunitContext
{
    private readonly Dictionary<string, (HttpStatusCode Status, object Body)> _answers = [];
    private readonly List<string> _calls = [];
    private readonly BunitAuthorizationContext _user;

    public TrayPageTests()
    {
        // The tenant's admin, unless a test says otherwise.
        _user = AddAuthorization();
        _user.SetAuthorized("lojista").SetRoles(TrayBridge.Api.UserRoles.Admin);
        var http = new HttpClient(new StubApi(this)) { BaseAddress = new Uri("http://gateway/") };
        Services.AddSingleton(new PanelApi(http));
        Services.AddScoped<PanelContext>();
        Services.AddSingleton(TimeProvider.System);
    }

    private void Answer(string pathAndQuery, object body, HttpStatusCode status = HttpStatusCode.OK) => _answers[pathAndQuery] = (status, body);

    private static readonly DateTimeOffset At = new(2026, 12, 5, 15, 0, 0, TimeSpan.Zero);

    private static VirtualStore Store(string id, string code = StoreStatusCodes.Connected, string label = "Conectada", string? reason = null) =>
        new(id, "TrayCommerce", $"https://loja{id}.commercesuite.com.br/web_api", "https://api", "x", reason, At.AddHours(3), At.AddDays(30), false, At,
            10_000, 42, code, label, At);

    [Fact]
    public void Lojas_Virtuais_lists_each_store_with_its_status_and_its_actions_named_for_the_store()
    {
        Answer("/api/stores", new[] { Store("391250"), Store("391251", StoreStatusCodes.ReauthorizationNeeded, "Reautorização necessária",
            "A Tray recusou o refresh token e o code guardado: code expirado") });

        var cut = Render<VirtualStores>();

        var rows = cut.FindAll("tr[data-store]");
        Assert.Equal(2, rows.Count);
        Assert.Contains("Conectada", rows[0].TextContent);
        Assert.Contains("code expirado", rows[1].TextContent);
        Assert.Contains("42 de 10.000", rows[0].TextContent);
        Assert.Equal(["Testar conexão da loja 391250", "Remover a loja 391250"],
            rows[0].QuerySelectorAll("button").Select(b => b.GetAttribute("aria-label")));
        Assert.Contains("Remover a loja 391251?", rows[1].QuerySelector("form[data-confirm]")!.GetAttribute("data-confirm"));
        Assert.Equal("/utilitarios/lojas-virtuais/391251/reautorizar", rows[1].QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void An_operator_sees_the_stores_and_can_test_them_but_is_not_offered_to_register_reauthorize_or_remove()
    {
        _user.SetRoles(TrayBridge.Api.UserRoles.Operator);
        Answer("/api/stores", new[] { Store("391250") });

        var cut = Render<VirtualStores>();

        var row = cut.Find("tr[data-store]");
        Assert.Equal(["Testar conexão da loja 391250"], row.QuerySelectorAll("button").Select(b => b.GetAttribute("aria-label")));
        // Reading the store's activity is daily work: the only link an operator gets (issue 15).
        Assert.Equal(["/utilitarios/lojas-virtuais/391250/atividade"], row.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Empty(cut.FindAll("a[href='/utilitarios/lojas-virtuais/nova']"));
        Assert.Contains("Somente um administrador", cut.Find("[data-reason=admin-required]").TextContent);
    }

    [Fact]
    public void A_store_whose_Tray_is_not_answering_says_since_when_with_the_last_error_and_when_it_is_tried_again()
    {
        var down = Store("391252") with
        {
            TrayUnreachableSince = At, TrayLastError = "a Tray não respondeu (Connection refused)", TrayRetryAt = At.AddMinutes(10),
        };
        Answer("/api/stores", new[] { Store("391250"), down });

        var cut = Render<VirtualStores>();

        var rows = cut.FindAll("tr[data-store]");
        Assert.Null(rows[0].QuerySelector("[data-tray-unreachable]"));
        var note = rows[1].QuerySelector("[data-tray-unreachable]")!.TextContent;
        Assert.Contains("Tray não responde desde 05/12/2026 12:00: a Tray não respondeu (Connection refused).", string.Join(' ', note.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.Contains("Nova tentativa automática a partir de 05/12/2026 12:10", note);
    }

    [Fact]
    public void Lojas_Virtuais_shows_who_registered_or_removed_which_store_at_which_host()
    {
        Answer("/api/stores", Array.Empty<VirtualStore>());
        Answer("/api/stores/registrations?limit=20", new[]
        {
            new StoreRegistrationEntry(At, StoreRegistrationActions.Remove, "391250", "loja391250.commercesuite.com.br", "ana@empresa", "removed", "Loja removida."),
            new StoreRegistrationEntry(At.AddHours(-1), StoreRegistrationActions.Register, "391250", "loja391250.commercesuite.com.br", "ana@empresa",
                TrayProblemCodes.TrayRefusedCode, "Cadastro recusado: a Tray recusou o code."),
        });

        var cut = Render<VirtualStores>();

        var rows = cut.FindAll("tr[data-registration]");
        Assert.Equal(2, rows.Count);
        Assert.Equal(["05/12/2026 12:00", "391250", "loja391250.commercesuite.com.br", "ana@empresa", "Loja removida."],
            rows[0].QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Contains("Cadastro recusado: a Tray recusou o code.", rows[1].TextContent);
    }

    [Fact]
    public void Without_stores_Lojas_Virtuais_says_what_to_do_next()
    {
        Answer("/api/stores", Array.Empty<VirtualStore>());

        var cut = Render<VirtualStores>();

        Assert.Contains("Nenhuma loja virtual cadastrada.", cut.Find(".empty").TextContent);
        Assert.Equal("/utilitarios/lojas-virtuais/nova", cut.Find(".empty a").GetAttribute("href"));
    }

    [Fact]
    public void An_API_failure_is_shown_with_its_Portuguese_detail_never_a_bare_status()
    {
        Answer("/api/stores", new { status = 503, detail = "O serviço de lojas não respondeu.", code = "http.unavailable" }, HttpStatusCode.ServiceUnavailable);
        var failed = Render<VirtualStores>();
        Assert.Contains("O serviço de lojas não respondeu.", failed.Find("[role=alert]").TextContent);
        Assert.DoesNotContain("503", failed.Markup);
    }

    [Fact]
    public void The_new_store_form_has_the_seeds_fields_each_with_its_label()
    {
        var cut = Render<NewStore>();

        foreach (var (id, label) in new[] { ("loja", "Loja"), ("usuario", "Usuário"), ("site", "Site (URL)"), ("code", "Code") })
            Assert.Equal(label, cut.Find($"label[for={id}]").TextContent);
        Assert.Equal("Tray Commerce", cut.Find("#loja option[selected]").TextContent);
        Assert.Equal("Confirmar", cut.Find("button[type=submit]").TextContent);
    }

    private static TrayOrderRow Row(string id, string situation, string? reason = null, string customer = "Conceição Araújo") =>
        new(id, "2026-12-04", new DateTimeOffset(2026, 12, 5, 2, 30, 0, TimeSpan.Zero), customer, 1234.56m, "A ENVIAR", "2", false, "Shopee", situation,
            reason, null, null, true, reason is null ? null : OrderReasonCodes.ImportFailed);

    [Fact]
    public void Importar_Pedidos_shows_cards_rows_in_Sao_Paulo_time_and_reais_and_offers_only_importable_orders()
    {
        Answer("/api/stores", new[] { Store("391250") });
        Answer("/api/tray/orders/statuses?storeId=391250", new OrderStatusRoles("391250", [new("2", "A ENVIAR")], ["2"], null, null, [], true, true, At));
        Answer("/api/tray/orders?storeId=391250&page=1&pageSize=25", new TrayOrderPage(
            [Row("1001", OrderSituations.NotIntegrated), Row("1002", OrderSituations.Integrated), Row("1003", OrderSituations.Error, "O total da Tray difere.")],
            1, 25, 3, new Dictionary<string, int> { ["Não integrado"] = 1, ["Importando"] = 0, ["Integrado"] = 1, ["Erro"] = 1, ["Divergente"] = 0 }));

        var cut = Render<ImportOrders>();

        Assert.Equal(["1 Não integrado", "0 Importando", "1 Integrado", "1 Erro", "0 Divergente"],
            cut.FindAll("a.card").Select(a => string.Join(' ', a.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
        var first = cut.Find("tr[data-order='1001']");
        Assert.Contains("04/12/2026 23:30", first.TextContent); // 02:30 UTC is 23:30 of the day before in São Paulo
        Assert.Contains("R$ 1.234,56", first.TextContent);
        Assert.Contains("Shopee", first.TextContent);
        Assert.Equal(["1001", "1003"], cut.FindAll("input[name=ids]").Select(i => i.GetAttribute("value")));
        Assert.Contains("O total da Tray difere.", cut.Find("tr[data-order='1003'] .reason").TextContent);
        Assert.Contains("ligada", cut.Markup);
        Assert.Equal("A ENVIAR", cut.Find("#f-status option[value='2']").TextContent);
    }

    [Fact]
    public void An_import_in_progress_says_n_of_N_and_each_orders_result_with_its_reason()
    {
        var id = Guid.NewGuid();
        Answer($"/api/tray/orders/imports/{id}", new ImportProgress(id, "391250", At, 3, 3, 2, 0, 1, true,
        [
            new("1001", OrderSituations.Integrated, null, Guid.NewGuid()), new("1002", OrderSituations.Integrated, null, Guid.NewGuid()),
            new("1003", OrderSituations.Error, new TrayBridge.Api.Reason(OrderReasonCodes.NotFoundOnTray, "Pedido não encontrado na Tray."), null),
        ]));

        var cut = Render<ImportProgressPage>(p => p.Add(c => c.ImportId, id));

        Assert.Equal("3 de 3", cut.Find(".progress-count").TextContent);
        Assert.Contains("Pedido não encontrado na Tray.", cut.Find("tr[data-order='1003']").TextContent);
        Assert.Contains("concluída com erros", cut.Markup);
    }

    [Fact]
    public void Atividade_da_loja_shows_each_line_with_time_what_result_reason_and_trace_id_and_links_to_the_product_order_and_note()
    {
        var product = Guid.NewGuid();
        const string key = "35261212345678000195550010000000171000000177";
        Answer("/api/tray/stores/391250/activity?from=2026-11-28&to=2026-12-05&kind=invoice&page=1&pageSize=50", new StoreActivityPage("391250",
        [
            new(Guid.NewGuid(), At.AddMinutes(3), At.AddMinutes(3), StoreActivityKinds.Invoice, "Envio de NF-e", StoreActivityResults.Error, "Erro",
                StoreActivitySubjects.Note, key, null, "NF-e 17: a Tray respondeu 400 — Bad Request", 1, "4bf92f3577b34da6a3ce929d0e0e4736"),
            new(Guid.NewGuid(), At.AddMinutes(2), At.AddMinutes(2), StoreActivityKinds.OrderImport, "Importação de pedido", StoreActivityResults.Ok, "Sucesso",
                StoreActivitySubjects.Order, "1001", "1001", "Pedido importado como pedido de venda.", 1, "00f067aa0ba902b7a3ce929d0e0e4736"),
            new(Guid.NewGuid(), At.AddMinutes(1), At.AddMinutes(1), StoreActivityKinds.ProductExport, "Exportação de produto", StoreActivityResults.Ok, "Sucesso",
                StoreActivitySubjects.Product, product.ToString(), "77", "Produto CAM-1 na Tray (versão 1).", 1, "11f067aa0ba902b7a3ce929d0e0e4736"),
            new(Guid.NewGuid(), At, At.AddSeconds(50), StoreActivityKinds.BudgetWait, "Aguardando cota", StoreActivityResults.Waiting, "Aguardando",
                null, null, null, "Aguardando cota da Tray até 05/12/2026 12:01:00", 12, null),
        ], 1, 50, 4));

        Services.GetRequiredService<NavigationManager>().NavigateTo("/utilitarios/lojas-virtuais/391250/atividade?de=2026-11-28&ate=2026-12-05&tipo=invoice");
        var cut = Render<StoreActivityView>(p => p.Add(c => c.StoreId, "391250"));

        var rows = cut.FindAll("tr[data-activity]");
        Assert.Equal(["invoice", "order_import", "product_export", "budget_wait"], rows.Select(r => r.GetAttribute("data-activity")));
        Assert.Contains("05/12/2026 12:03", rows[0].TextContent); // 15:03 UTC in São Paulo
        Assert.Equal("/notas-fiscais?numero=17", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("NF-e 17", rows[0].TextContent);
        Assert.Equal("Erro", rows[0].QuerySelector(".badge.error")!.TextContent);
        Assert.Contains("a Tray respondeu 400", rows[0].QuerySelector(".reason")!.TextContent);
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", rows[0].QuerySelector("code.trace")!.TextContent);
        Assert.Equal("/vendas/pedidos?loja=391250&pedidoTray=1001", rows[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal($"/produtos/{product}", rows[2].QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(rows[3].QuerySelector("a"));
        Assert.Contains("12 vezes", rows[3].TextContent);
        Assert.Equal("invoice", cut.Find("#ativ-tipo option[selected]").GetAttribute("value"));
    }

    private sealed class StubApi(TrayPageTests test) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var key = request.RequestUri!.PathAndQuery;
            test._calls.Add($"{request.Method} {key}");
            var (status, body) = test._answers.TryGetValue(key, out var answer)
                ? answer
                : (HttpStatusCode.NotFound, (object)new { status = 404, code = "test.unknown", detail = $"sem resposta para {key}" });
            var media = (int)status >= 400 ? "application/problem+json" : "application/json";
            return Task.FromResult(new HttpResponseMessage(status)
            {
                Content = new StringContent(JsonSerializer.Serialize(body, PanelApi.Json), Encoding.UTF8, media),
            });
        }
    }
}
