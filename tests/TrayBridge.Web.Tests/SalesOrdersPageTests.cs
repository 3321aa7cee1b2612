using System.Net;
using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using TrayBridge.Web.Api;
using TrayBridge.Web.Components.Pages.SalesOrders;

namespace TrayBridge.Web.Tests;

/// <summary>The page Vendas › Pedidos de venda over a stubbed API: the filters it sends, its empty states (each saying
/// what to do next) and an API refusal shown in Portuguese beside the field at fault.</summary>
public sealed class SalesOrdersPageTests : BunitContext
{
    private readonly StubApi _api = new();

    public SalesOrdersPageTests()
    {
        Services.AddSingleton<AntiforgeryStateProvider>(new NoAntiforgery());
        Services.AddSingleton(new PanelApi(new HttpClient(_api) { BaseAddress = new Uri("http://gateway.test/") }));
        Services.AddScoped<PanelContext>();
        _api.Answer("api/stores", HttpStatusCode.OK, "[]");
    }

    private static readonly int SalesOrderSituationsCount = TrayBridge.Api.Orders.SalesOrderSituations.All.Count;

    private const string EmptyPage =
        """{"items":[],"page":1,"pageSize":50,"total":0,"situations":{"ready":0,"pending":0,"invoiced":0,"cancelled_on_tray":0,"divergent":0}}""";

    [Fact]
    public void Without_any_order_it_says_to_import_them_from_Tray()
    {
        _api.Answer("api/orders/sales-orders", HttpStatusCode.OK, EmptyPage);

        var cut = Render<SalesOrders>();

        Assert.Contains("Nenhum pedido de venda ainda.", cut.Find(".empty").TextContent);
        Assert.Equal("/tray/importar-pedidos", cut.Find(".empty a").GetAttribute("href"));
        Assert.Equal(SalesOrderSituationsCount, cut.FindAll("a.card").Count);
        Assert.Empty(cut.FindAll("#emitir-lote"));
    }

    [Fact]
    public void The_filters_go_to_the_API_as_its_parameters_and_an_empty_result_offers_to_clear_them()
    {
        _api.Answer("api/orders/sales-orders", HttpStatusCode.OK, EmptyPage);

        Services.GetRequiredService<NavigationManager>()
            .NavigateTo("/vendas/pedidos?cliente=%20jo%C3%A3o%20&de=2026-03-01&ate=2026-03-31&situacao=pending&loja=391250&pagina=2");

        var cut = Render<SalesOrders>();

        var asked = _api.Asked.Single(u => u.StartsWith("/api/orders/sales-orders"));
        Assert.Equal("/api/orders/sales-orders?storeId=391250&customer=jo%C3%A3o&from=2026-03-01&to=2026-03-31&situation=pending&page=2&pageSize=50", asked);
        Assert.Contains("Nenhum pedido de venda com esses filtros.", cut.Find(".empty").TextContent);
        Assert.Equal("/vendas/pedidos", cut.Find(".empty a").GetAttribute("href"));
    }

    [Fact]
    public void A_refused_filter_is_shown_in_Portuguese_beside_its_field_never_as_a_status_code()
    {
        _api.Answer("api/orders/sales-orders", HttpStatusCode.BadRequest,
            """{"status":400,"detail":"Verifique os campos destacados.","code":"validation","errors":{"to":["A data final é anterior à inicial."]}}""");

        Services.GetRequiredService<NavigationManager>().NavigateTo("/vendas/pedidos?de=2026-03-31&ate=2026-03-01");

        var cut = Render<SalesOrders>();

        Assert.Equal("A data final é anterior à inicial.", cut.Find("#erro-to").TextContent);
        Assert.Contains("Verifique os campos destacados.", cut.Find(".alert.error").TextContent);
        Assert.DoesNotContain("400", cut.Find(".alert.error").TextContent);
    }

    [Fact]
    public void Only_ready_orders_can_be_checked_and_a_pending_one_shows_its_fixes()
    {
        _api.Answer("api/orders/sales-orders", HttpStatusCode.OK, """
            {"items":[
              {"id":"0193c1a0-0000-7000-8000-000000000001","storeId":"391250","trayOrderId":"2001","origin":"LOJA","placedAt":"2026-03-02T13:00:00Z","customer":"João","total":1234.56,
               "status":"ProntoParaFaturar","statusLabel":"Pronto para faturar","missing":[],"situation":"ready","missingItems":[],"customerTaxId":"52998224725"},
              {"id":"0193c1a0-0000-7000-8000-000000000002","storeId":"391250","trayOrderId":"2002","origin":"LOJA","placedAt":"2026-03-03T02:30:00Z","customer":"Maria","total":10,
               "status":"PendenteDados","statusLabel":"Pendente: falta NCM (SKU BON-1)","missing":["falta NCM (SKU BON-1)"],"situation":"pending",
               "missingItems":[{"code":"missing.ncm","detail":"Falta o NCM do item 2 (SKU BON-1).","line":2}]}],
             "page":1,"pageSize":50,"total":2,"situations":{"ready":1,"pending":1,"invoiced":0,"cancelled_on_tray":0,"divergent":0}}
            """);

        var cut = Render<SalesOrders>();

        var boxes = cut.FindAll("input[name=ids]");
        Assert.Equal(("Selecionar pedido 2001", "emitir-lote"), (boxes.Single().GetAttribute("aria-label"), boxes.Single().GetAttribute("form")));
        Assert.Equal("R$ 1.234,56", cut.Find("tr[data-order='2001'] td.number").TextContent);
        Assert.Contains("529.982.247-25", cut.Find("tr[data-order='2001']").TextContent);
        Assert.Equal("02/03/2026", cut.FindAll("tr[data-order='2002'] td")[2].TextContent); // 23:30 in São Paulo
        Assert.Equal("NCM do item 2", cut.Find(".fixes-row label").TextContent);
        Assert.NotNull(cut.Find("input[data-select-all=rows]"));
    }

    [Fact]
    public async Task An_invoiced_order_Tray_cancelled_offers_Cancelar_NFe_on_its_note_and_one_whose_note_was_cancelled_offers_Cancelar_pedido()
    {
        _api.Answer("api/orders/sales-orders", HttpStatusCode.OK, """
            {"items":[
              {"id":"0193c1a0-0000-7000-8000-000000000003","storeId":"391250","trayOrderId":"2003","origin":"LOJA","placedAt":"2026-03-02T13:00:00Z","customer":"João","total":50,
               "status":"CanceladoNaTrayNfeAutorizada","statusLabel":"Cancelado na Tray — NF-e autorizada","missing":[],"situation":"cancelled_on_tray_invoiced","missingItems":[],
               "nfeId":"0193c1a0-0000-7000-8000-0000000000aa","nfeNumber":1201},
              {"id":"0193c1a0-0000-7000-8000-000000000004","storeId":"391250","trayOrderId":"2004","origin":"LOJA","placedAt":"2026-03-02T13:00:00Z","customer":"Maria","total":60,
               "status":"ProntoParaFaturar","statusLabel":"Pronto para faturar","missing":[],"situation":"ready","missingItems":[],"cancelledNfeCount":1},
              {"id":"0193c1a0-0000-7000-8000-000000000005","storeId":"391250","trayOrderId":"2005","origin":"LOJA","placedAt":"2026-03-02T13:00:00Z","customer":"Ana","total":70,
               "status":"CanceladoNaTrayNfeAutorizada","statusLabel":"Cancelado na Tray — NF-e autorizada","missing":[],"situation":"cancelled_on_tray_invoiced","missingItems":[],
               "nfeNumber":1205}],
             "page":1,"pageSize":50,"total":3,"situations":{"ready":1,"cancelled_on_tray_invoiced":2}}
            """);
        // Orders was not told the note's id (an NfeIssued without it): the screen asks Invoicing by the sales order.
        _api.Answer("api/invoicing/nfes", HttpStatusCode.OK, """
            {"items":[{"id":"0193c1a0-0000-7000-8000-0000000000bb","salesOrderId":"0193c1a0-0000-7000-8000-000000000005","batchId":"0193c1a0-0000-7000-8000-0000000000cc",
              "trayOrderId":"2005","series":1,"number":1205,"key":"35260311222333000181550010000012051000012050","total":70,"issuedAt":"2026-03-02T13:00:00Z",
              "status":"Authorized","situation":"Autorizada"}],"page":1,"pageSize":20,"total":1,"situations":{}}
            """);
        _api.Answer("api/orders/sales-orders/0193c1a0-0000-7000-8000-000000000004/cancel", HttpStatusCode.Conflict,
            """{"status":409,"code":"sales_order.nfe_authorized","detail":"O pedido tem a NF-e 1202 autorizada: cancele a nota em Notas fiscais antes de cancelar o pedido."}""");

        var cut = Render<SalesOrders>();

        var waiting = cut.Find("[data-after-nfe='2003']");
        Assert.Contains("cancelado na Tray, mas a NF-e nº 1201 está autorizada", waiting.TextContent);
        Assert.Equal("/notas-fiscais/0193c1a0-0000-7000-8000-0000000000aa/cancelar", waiting.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Cancelado na Tray — NF-e autorizada", cut.Find("tr[data-order='2003'] .badge").TextContent);
        Assert.Empty(cut.FindAll("tr[data-order='2003'] input[name=ids]")); // never in a batch, never cancelled from here
        Assert.Empty(cut.FindAll("[data-after-nfe='2003'] form"));
        Assert.Equal("/notas-fiscais/0193c1a0-0000-7000-8000-0000000000bb/cancelar", cut.Find("[data-after-nfe='2005'] a").GetAttribute("href"));
        Assert.Contains("/api/invoicing/nfes?salesOrderId=0193c1a0-0000-7000-8000-000000000005&pageSize=20", _api.Asked);

        var reopened = cut.Find("[data-after-nfe='2004'] form");
        Assert.Equal("Cancelar o pedido 2004? A Tray será avisada.", reopened.GetAttribute("data-confirm"));
        await reopened.SubmitAsync();
        Assert.Contains("POST /api/orders/sales-orders/0193c1a0-0000-7000-8000-000000000004/cancel", _api.Calls);
        Assert.Contains("cancele a nota em Notas fiscais", cut.Find("[data-after-nfe='2004'] ~ .alert.error").TextContent);
    }

    [Fact]
    public void The_home_lists_a_stores_invoiced_orders_Tray_cancelled_as_waiting_with_a_link_filtered_to_them()
    {
        _api.Answer("api/stores", HttpStatusCode.OK, """
            [{"storeId":"391250","platform":"TrayCommerce","apiAddress":"https://loja.example/web_api","apiHost":"loja.example","status":"Connected",
              "accessExpiresAt":"2026-03-02T13:00:00Z","refreshExpiresAt":"2026-03-02T13:00:00Z","reauthorizationSoon":false,"registeredAt":"2026-03-02T13:00:00Z",
              "dailyLimit":10000,"statusCode":"connected","statusLabel":"Conectada","statusSince":"2026-03-02T13:00:00Z"}]
            """);
        _api.Answer("api/tray/orders", HttpStatusCode.OK, """{"items":[],"pageNumber":1,"pageSize":1,"total":0,"situations":{}}""");
        _api.Answer("api/orders/sales-orders", HttpStatusCode.OK,
            """{"items":[],"page":1,"pageSize":1,"total":2,"situations":{"ready":0,"pending":0,"cancelled_on_tray_invoiced":2}}""");
        _api.Answer("api/catalog/products", HttpStatusCode.OK, """{"total":0,"page":1,"pageSize":1,"items":[],"situations":{}}""");
        _api.Answer("api/invoicing/nfes", HttpStatusCode.OK, """{"items":[],"page":1,"pageSize":1,"total":0,"situations":{}}""");

        var cut = Render<TrayBridge.Web.Components.Pages.Home>();

        var waiting = cut.FindAll(".waits a").Single(a => a.TextContent.Contains("NF-e autorizada"));
        Assert.Equal("2 pedidos cancelados na Tray com NF-e autorizada", waiting.TextContent);
        Assert.Equal("/vendas/pedidos?loja=391250&situacao=cancelled_on_tray_invoiced", waiting.GetAttribute("href"));
    }

    private sealed class StubApi : HttpMessageHandler
    {
        private readonly Dictionary<string, (HttpStatusCode Status, string Body)> _answers = [];
        public List<string> Asked { get; } = [];
        public List<string> Calls { get; } = [];

        public void Answer(string path, HttpStatusCode status, string body) => _answers["/" + path] = (status, body);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Asked.Add(request.RequestUri!.PathAndQuery);
            Calls.Add($"{request.Method} {request.RequestUri.PathAndQuery}");
            var (status, body) = _answers.TryGetValue(request.RequestUri.AbsolutePath, out var answer) ? answer : (HttpStatusCode.NotFound, "");
            var media = (int)status >= 400 ? "application/problem+json" : "application/json";
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, media) });
        }
    }

    private sealed class NoAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => null;
    }
}
