using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrayBridge.Api;
using TrayBridge.Api.Orders;
using TrayBridge.Contracts.Invoicing;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.Orders.Domain;
using TrayBridge.TestSupport;

namespace TrayBridge.Orders.Tests;

/// <summary>Vendas › Pedidos de venda through the Orders HTTP API: the filters and cards, what each row carries, the
/// fixes and their refusals (stable code, Portuguese detail), and the answers' records. Each test has a tenant of its own.</summary>
public sealed partial class SalesOrdersApiTests(OrdersHarness harness) : IClassFixture<OrdersHarness>
{
    private const string Store = "391250";
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static string NewTenant() => $"t-{Guid.NewGuid():N}"[..14];

    private static readonly TrayOrderCustomer Company = TrayOrders.Person with
    {
        Name = "João Ângelo Comércio", IsCompany = true, Cpf = null, Cnpj = "11.222.333/0001-81",
    };

    private static SalesOrder Order(string trayOrderId, DateTimeOffset placedAt, TrayOrderCustomer? customer = null, string store = Store,
        TrayOrderItem[]? items = null) =>
        SalesOrderFactoryTests.Import(TrayOrders.Order() with
        {
            StoreId = store, TrayOrderId = trayOrderId, PlacedAt = placedAt, Customer = customer ?? TrayOrders.Person,
            Items = items ?? [TrayOrders.Item("CAM-1", 2, 50.00m), TrayOrders.Item("BON-1", 1, 30.00m)],
        }).Order!;

    private static DateTimeOffset SaoPaulo(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, TimeSpan.FromHours(-3));

    /// <summary>One order in each situation on the store, and a ready one on another store.</summary>
    private async Task<Dictionary<string, SalesOrder>> SeedAsync(string tenant)
    {
        var ready = Order("2001", SaoPaulo(2, 10), Company);
        // No CPF, no NCM on line 2, a city no one knows; late on the 2nd in São Paulo, already the 3rd in UTC.
        var pending = Order("2002", SaoPaulo(2, 23, 30), TrayOrders.Person with
        {
            Name = "Maria Souza", Cpf = null, DeliveryAddress = TrayOrders.Delivery with { City = "Sampa" },
        }, items: [TrayOrders.Item("CAM-1", 2, 50.00m), TrayOrders.Item("BON-1", 1, 30.00m, ncm: null)]);
        var cancelled = Order("2003", SaoPaulo(3, 0, 10));
        cancelled.MarkCancelled();
        var divergent = Order("2004", SaoPaulo(1, 9));
        divergent.MarkDivergent("Pedido alterado na Tray depois da importação: confira itens, valores e endereço.");
        var invoiced = Order("2005", SaoPaulo(4, 9));
        invoiced.RecordNfeIssued("35260311222333000181550010000012011000012017", 1201, 1, SaoPaulo(4, 12), Guid.Parse("0193c1a0-0000-7000-8000-000000000001"));
        var elsewhere = Order("2006", SaoPaulo(5, 9), store: "999999");
        var all = new Dictionary<string, SalesOrder>
        {
            ["ready"] = ready, ["pending"] = pending, ["cancelled"] = cancelled, ["divergent"] = divergent, ["invoiced"] = invoiced,
            ["elsewhere"] = elsewhere,
        };
        await harness.StoreAsync(tenant, [.. all.Values]);
        return all;
    }

    private static async Task<SalesOrderPage> ListAsync(HttpClient erp, string query)
    {
        var response = await erp.GetAsync($"api/orders/sales-orders?{query}", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SalesOrderPage>(Cancel))!;
    }

    private static IEnumerable<string> TrayIds(SalesOrderPage page) => page.Items.Select(o => o.TrayOrderId);

    [Fact]
    public async Task The_cards_count_each_situation_under_the_other_filters_and_a_situation_lists_only_its_orders()
    {
        var tenant = NewTenant();
        await SeedAsync(tenant);
        using var erp = harness.Client(tenant);

        var store = await ListAsync(erp, $"storeId={Store}");
        var pending = await ListAsync(erp, $"storeId={Store}&situation=pending");
        var everywhere = await ListAsync(erp, "situation=ready");

        Assert.Equal(5, store.Total);
        Assert.Equal(["2005", "2003", "2002", "2001", "2004"], TrayIds(store)); // newest first
        // Issue 13's situations (an invoiced order Tray cancelled, an order cancelled in the ERP) are not seeded here.
        string[] unseeded = [SalesOrderSituations.CancelledOnTrayInvoiced, SalesOrderSituations.Cancelled];
        var oneEach = SalesOrderSituations.All.ToDictionary(code => code, code => unseeded.Contains(code) ? 0 : 1);
        Assert.Equal(oneEach, store.Situations);
        Assert.Equal(SalesOrderSituations.All, store.Situations.Keys); // in the cards' order
        Assert.Equal(1, pending.Total);
        Assert.Equal(["2002"], TrayIds(pending));
        Assert.Equal(oneEach, pending.Situations);
        Assert.Equal(["2006", "2001"], TrayIds(everywhere));
        Assert.Equal(2, everywhere.Situations[SalesOrderSituations.Ready]);
        Assert.Equal(["2005"], TrayIds(await ListAsync(erp, "status=Faturado"))); // the status names still work
    }

    [Fact]
    public async Task Customer_finds_a_name_however_it_is_typed_or_a_document_and_days_are_Sao_Paulo_days()
    {
        var tenant = NewTenant();
        await SeedAsync(tenant);
        using var erp = harness.Client(tenant);

        Assert.Equal(["2001"], TrayIds(await ListAsync(erp, "customer=JOAO%20angelo")));
        Assert.Equal(["2001"], TrayIds(await ListAsync(erp, "customer=jo%C3%A3o")));
        Assert.Equal(["2001"], TrayIds(await ListAsync(erp, "customer=11.222.333%2F0001-81")));
        Assert.Equal(["2002"], TrayIds(await ListAsync(erp, "customer=souza")));
        Assert.Empty(TrayIds(await ListAsync(erp, "customer=%25")));

        // 23:30 on the 2nd in São Paulo is the 3rd in UTC: it belongs to the 2nd; 00:10 on the 3rd does not.
        var second = await ListAsync(erp, "from=2026-03-02&to=2026-03-02");
        Assert.Equal(["2002", "2001"], TrayIds(second));
        Assert.Equal(1, second.Situations[SalesOrderSituations.Pending]);
        Assert.Equal(0, second.Situations[SalesOrderSituations.Invoiced]);
        Assert.Equal(["2006", "2005", "2003"], TrayIds(await ListAsync(erp, "from=2026-03-03")));
        Assert.Equal(["2004"], TrayIds(await ListAsync(erp, "to=2026-03-01")));
    }

    [Fact]
    public async Task Tray_order_ids_or_sales_order_ids_list_those_orders_and_pages_say_the_total()
    {
        var tenant = NewTenant();
        var seeded = await SeedAsync(tenant);
        using var erp = harness.Client(tenant);

        var chosen = await ListAsync(erp, "trayOrderIds=2002,2006,9999");
        var byId = await ListAsync(erp, $"ids={seeded["invoiced"].Id},{seeded["elsewhere"].Id},{Guid.NewGuid()}");
        var second = await ListAsync(erp, "pageSize=2&page=2");
        var beyond = await ListAsync(erp, "pageSize=2&page=9");

        Assert.Equal(["2006", "2002"], TrayIds(chosen));
        Assert.Equal(SalesOrderSituations.Pending, chosen.Items.Single(o => o.TrayOrderId == "2002").Situation);
        Assert.Equal(["2006", "2005"], TrayIds(byId));
        Assert.Equal((2, 2, 6L), (second.Page, second.PageSize, second.Total));
        Assert.Equal(["2003", "2002"], TrayIds(second));
        Assert.Equal((6L, 0), (beyond.Total, beyond.Items.Count));
    }

    [Fact]
    public async Task Each_row_carries_what_the_screen_shows()
    {
        var tenant = NewTenant();
        var seeded = await SeedAsync(tenant);
        using var erp = harness.Client(tenant);

        var rows = (await ListAsync(erp, $"storeId={Store}")).Items.ToDictionary(o => o.TrayOrderId);

        var ready = rows["2001"];
        Assert.Equal((seeded["ready"].Id, SaoPaulo(2, 10), "João Ângelo Comércio", 135.00m), (ready.Id, ready.PlacedAt, ready.Customer, ready.Total));
        Assert.Equal(("ready", "Pronto para faturar", "11222333000181"), (ready.Situation, ready.StatusLabel, ready.CustomerTaxId));
        Assert.Empty(ready.MissingItems);
        var pending = rows["2002"];
        Assert.Equal(("pending", "PendenteDados"), (pending.Situation, pending.Status));
        Assert.Equal("Pendente: falta CPF/CNPJ; falta NCM (SKU BON-1); falta código IBGE do município", pending.StatusLabel);
        Assert.Equal([(MissingCodes.TaxId, null), (MissingCodes.Ncm, 2), (MissingCodes.CityCode, (int?)null)],
            pending.MissingItems.Select(m => (m.Code, m.Line)));
        Assert.All(pending.MissingItems, m => Assert.StartsWith("Falta", m.Detail));
        Assert.Equal(("Sampa", "SP"), (pending.InvoiceCity, pending.InvoiceUf));
        var invoiced = rows["2005"];
        Assert.Equal(("invoiced", "Faturado", Guid.Parse("0193c1a0-0000-7000-8000-000000000001"), 1201),
            (invoiced.Situation, invoiced.StatusLabel, invoiced.NfeId, invoiced.NfeNumber));
        Assert.Equal("35260311222333000181550010000012011000012017", invoiced.NfeKey);
        Assert.Equal(("cancelled_on_tray", "Cancelado na Tray"), (rows["2003"].Situation, rows["2003"].StatusLabel));
        Assert.Equal(("divergent", "Divergente"), (rows["2004"].Situation, rows["2004"].StatusLabel));
        Assert.StartsWith("Pedido alterado na Tray", rows["2004"].Divergence);
    }

    [Fact]
    public async Task An_authorized_note_named_by_Invoicing_shows_its_id_on_the_row()
    {
        var tenant = NewTenant();
        var order = Order("3001", SaoPaulo(2, 10));
        await harness.StoreAsync(tenant, order);
        using var erp = harness.Client(tenant);
        var noteId = Guid.CreateVersion7();

        await harness.PublishAsync(new NfeIssued(tenant, order.StoreId, order.TrayOrderId, order.Id, "35260311222333000181550010000013011000013012",
            1301, 1, DateTimeOffset.UtcNow, 135.00m, "135260000000001", "https://erp.example/danfe", "https://erp.example/xml", [], DateTimeOffset.UtcNow)
        {
            NfeId = noteId,
        });
        var row = await Eventually.ReturnsAsync(async () => (await ListAsync(erp, "trayOrderIds=3001")).Items.Single(),
            o => o.Situation == SalesOrderSituations.Invoiced, TimeSpan.FromSeconds(20), "the order invoiced");

        Assert.Equal((noteId, 1301), (row.NfeId, row.NfeNumber));
    }

    [Fact]
    public async Task Bad_filters_are_a_400_with_the_validation_code_naming_each_field_in_Portuguese()
    {
        using var erp = harness.Client(NewTenant());

        var response = await erp.GetAsync($"api/orders/sales-orders?situation=Pronto&from=02/03/2026&pageSize=201&page=0&trayOrderIds={string.Join(',', Enumerable.Range(1, 201))}", Cancel);

        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(ApiProblem.Validation, problem.GetProperty("code").GetString());
        var errors = problem.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => e.Value[0].GetString());
        Assert.Equal(["from", "page", "pageSize", "situation", "trayOrderIds"], errors.Keys.Order());
        Assert.Equal("Uma data no formato aaaa-mm-dd.", errors["from"]);
    }

    [Fact]
    public async Task A_pending_order_fixed_field_by_field_becomes_ready_and_each_refusal_says_why()
    {
        var tenant = NewTenant();
        var seeded = await SeedAsync(tenant);
        using var erp = harness.Client(tenant);
        var id = seeded["pending"].Id;
        string Url(string path) => $"api/orders/sales-orders/{id}/{path}";

        await AssertProblemAsync(await erp.PutAsJsonAsync(Url("customer/tax-id"), new CustomerTaxIdFix("111.111.111-12"), Cancel),
            HttpStatusCode.BadRequest, ApiProblem.Validation, field: ("taxId", "CPF ou CNPJ inválido: confira os dígitos."));
        var afterTaxId = await OkAsync(await erp.PutAsJsonAsync(Url("customer/tax-id"), new CustomerTaxIdFix("529.982.247-25"), Cancel));
        Assert.Equal([MissingCodes.Ncm, MissingCodes.CityCode], afterTaxId.MissingItems.Select(m => m.Code));
        Assert.Equal(new TaxIdData("52998224725", 0), afterTaxId.Customer.TaxId);

        await AssertProblemAsync(await erp.PutAsJsonAsync(Url("items/9/ncm"), new ItemNcmFix("6505.00.22"), Cancel),
            HttpStatusCode.NotFound, OrderProblemCodes.ItemNotFound);
        await AssertProblemAsync(await erp.PutAsJsonAsync(Url("items/2/ncm"), new ItemNcmFix("6505"), Cancel),
            HttpStatusCode.BadRequest, ApiProblem.Validation, field: ("ncm", "O NCM tem 8 dígitos (ex.: 6109.10.00)."));
        Assert.Equal("65050022", (await OkAsync(await erp.PutAsJsonAsync(Url("items/2/ncm"), new ItemNcmFix("6505.00.22"), Cancel))).Items[1].Ncm);

        await AssertProblemAsync(await erp.PutAsJsonAsync(Url("invoice-city"), new InvoiceCityFix("SP", "Sampa"), Cancel),
            HttpStatusCode.BadRequest, ApiProblem.Validation, field: ("city", "Nenhum município do IBGE tem esse nome nessa UF."));
        await AssertProblemAsync(await erp.PutAsJsonAsync(Url("intermediary/cnpj"), new IntermediaryCnpjFix("03.007.331/0001-41"), Cancel),
            HttpStatusCode.NotFound, OrderProblemCodes.NoIntermediary);
        var ready = await OkAsync(await erp.PutAsJsonAsync(Url("invoice-city"), new InvoiceCityFix("sp", "sao paulo"), Cancel));

        Assert.Equal((SalesOrderSituations.Ready, "Pronto para faturar", "3550308"), (ready.Situation, ready.StatusLabel, ready.Customer.DeliveryAddress?.IbgeCode));
        Assert.Empty(ready.MissingItems);
        Assert.Equal(["2002", "2001"], TrayIds(await ListAsync(erp, $"storeId={Store}&situation=ready")));
    }

    [Fact]
    public async Task Fixing_an_invoiced_or_unknown_order_or_with_an_oversized_body_is_refused_with_its_code()
    {
        var tenant = NewTenant();
        var seeded = await SeedAsync(tenant);
        using var erp = harness.Client(tenant);

        await AssertProblemAsync(await erp.PutAsJsonAsync($"api/orders/sales-orders/{seeded["invoiced"].Id}/items/1/ncm", new ItemNcmFix("61091000"), Cancel),
            HttpStatusCode.Conflict, OrderProblemCodes.Invoiced);
        await AssertProblemAsync(await erp.PutAsJsonAsync($"api/orders/sales-orders/{Guid.NewGuid()}/customer/tax-id", new CustomerTaxIdFix("52998224725"), Cancel),
            HttpStatusCode.NotFound, OrderProblemCodes.SalesOrderNotFound);
        await AssertProblemAsync(await erp.GetAsync($"api/orders/sales-orders/{Guid.NewGuid()}", Cancel),
            HttpStatusCode.NotFound, OrderProblemCodes.SalesOrderNotFound);
        await AssertProblemAsync(await erp.PutAsJsonAsync($"api/orders/sales-orders/{seeded["pending"].Id}/customer/tax-id",
            new CustomerTaxIdFix(new string('1', FixLimits.MaxFieldLength + 1)), Cancel), HttpStatusCode.BadRequest, ApiProblem.Validation);
        var huge = await erp.PutAsJsonAsync($"api/orders/sales-orders/{seeded["pending"].Id}/customer/tax-id",
            new { taxId = "52998224725", padding = new string(' ', FixLimits.MaxBodyBytes) }, Cancel);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(SalesOrderStatus.PendenteDados, (await harness.LoadAsync(tenant, seeded["pending"].Id)).Status);
    }

    private static SalesOrder MarketplaceOrder(string trayOrderId, string marketplace, string? sellerId, string store = Store) =>
        SalesOrderFactoryTests.Import(TrayOrders.Order() with
        {
            StoreId = store, TrayOrderId = trayOrderId, PlacedAt = SaoPaulo(6, 10),
            Marketplace = new(marketplace, "MP-" + trayOrderId, marketplace == "Shopee" ? "35.635.824/0001-12" : "03.007.331/0001-41", sellerId, null),
        }).Order!;

    /// <summary>Issue 10: the seller's id on a marketplace is the merchant's, set once per store; setting it fills every open
    /// order of that store and marketplace without one of its own, and they become ready.</summary>
    [Fact]
    public async Task The_stores_seller_id_for_a_marketplace_is_set_once_and_fills_its_open_orders_which_become_ready()
    {
        var tenant = NewTenant();
        var (first, second, own, shopee, elsewhere) = (MarketplaceOrder("3001", "Mercado Livre", null), MarketplaceOrder("3002", "MERCADO LIVRE", ""),
            MarketplaceOrder("3003", "Mercado Livre", "ML-OWN"), MarketplaceOrder("3004", "Shopee", null), MarketplaceOrder("3005", "Mercado Livre", null, "999999"));
        await harness.StoreAsync(tenant, first, second, own, shopee, elsewhere);
        using var erp = harness.Client(tenant);
        var url = $"api/orders/stores/{Store}/marketplaces";

        var before = (await erp.GetFromJsonAsync<StoreMarketplaces>(url, Cancel))!;
        Assert.Equal([("Mercado Livre", null, 2), ("Shopee", null, 1)], before.Items.Select(m => (m.Name, m.SellerId, m.PendingOrders)));
        Assert.Equal(SalesOrderSituations.Pending, (await ListAsync(erp, "trayOrderIds=3001")).Items.Single().Situation);
        Assert.Contains(MissingCodes.IntermediarySellerId, (await ListAsync(erp, "trayOrderIds=3001")).Items.Single().MissingItems.Select(m => m.Code));

        await AssertProblemAsync(await erp.PutAsJsonAsync($"{url}/Mercado%20Livre", new MarketplaceSellerIdRequest(" "), Cancel),
            HttpStatusCode.BadRequest, ApiProblem.Validation, field: ("sellerId", "Informe o id da sua conta de vendedor no marketplace."));
        await AssertProblemAsync(await erp.PutAsJsonAsync($"{url}/Mercado%20Livre", new MarketplaceSellerIdRequest(new string('1', 61)), Cancel),
            HttpStatusCode.BadRequest, ApiProblem.Validation, field: ("sellerId", "O id do vendedor tem de 2 a 60 caracteres."));
        var response = await erp.PutAsJsonAsync($"{url}/Mercado%20Livre", new MarketplaceSellerIdRequest(" 123456789 "), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var set = (await response.Content.ReadFromJsonAsync<MarketplaceSellerIdSet>(Cancel))!;

        Assert.Equal((2, 2, "123456789", 0), (set.OrdersFilled, set.OrdersReady, set.Marketplace.SellerId, set.Marketplace.PendingOrders));
        Assert.Equal(("123456789", SalesOrderStatus.ProntoParaFaturar), ((await harness.LoadAsync(tenant, first.Id)).Intermediary?.SellerId, (await harness.LoadAsync(tenant, first.Id)).Status));
        Assert.Equal(SalesOrderStatus.ProntoParaFaturar, (await harness.LoadAsync(tenant, second.Id)).Status);
        Assert.Equal("ML-OWN", (await harness.LoadAsync(tenant, own.Id)).Intermediary?.SellerId);
        Assert.Equal(SalesOrderStatus.PendenteDados, (await harness.LoadAsync(tenant, shopee.Id)).Status);
        Assert.Null((await harness.LoadAsync(tenant, elsewhere.Id)).Intermediary?.SellerId);
        var after = (await erp.GetFromJsonAsync<StoreMarketplaces>(url, Cancel))!;
        Assert.Equal([("Mercado Livre", "123456789", 0), ("Shopee", null, 1)], after.Items.Select(m => (m.Name, m.SellerId, m.PendingOrders)));

        // A typo corrected: the orders that took the store's id follow it, the order's own stays.
        var corrected = (await (await erp.PutAsJsonAsync($"{url}/mercado%20livre", new MarketplaceSellerIdRequest("987654321"), Cancel))
            .Content.ReadFromJsonAsync<MarketplaceSellerIdSet>(Cancel))!;
        Assert.Equal((2, "987654321", "Mercado Livre"), (corrected.OrdersFilled, corrected.Marketplace.SellerId, corrected.Marketplace.Name));
        Assert.Equal("987654321", (await harness.LoadAsync(tenant, second.Id)).Intermediary?.SellerId);
        Assert.Equal("ML-OWN", (await harness.LoadAsync(tenant, own.Id)).Intermediary?.SellerId);
        using var stranger = harness.Client(NewTenant());
        Assert.Empty((await stranger.GetFromJsonAsync<StoreMarketplaces>(url, Cancel))!.Items);
    }

    [Fact]
    public async Task The_sellers_id_fixed_on_one_order_or_for_its_whole_marketplace()
    {
        var tenant = NewTenant();
        var (one, other, shopee, sameShop) = (MarketplaceOrder("3101", "Shopee", null), MarketplaceOrder("3102", "Mercado Livre", null),
            MarketplaceOrder("3103", "Shopee", null), MarketplaceOrder("3104", "Shopee", null));
        await harness.StoreAsync(tenant, one, other, shopee, sameShop);
        using var erp = harness.Client(tenant);
        string Url(Guid id) => $"api/orders/sales-orders/{id}/intermediary/seller-id";

        await AssertProblemAsync(await erp.PutAsJsonAsync(Url(one.Id), new IntermediarySellerIdFix("x"), Cancel), HttpStatusCode.BadRequest,
            ApiProblem.Validation, field: ("sellerId", "O id do vendedor tem de 2 a 60 caracteres (letras, números e sinais comuns)."));
        var fixedOne = await OkAsync(await erp.PutAsJsonAsync(Url(one.Id), new IntermediarySellerIdFix("SHOP-1"), Cancel));
        Assert.Equal((SalesOrderSituations.Ready, "SHOP-1"), (fixedOne.Situation, fixedOne.Intermediary?.SellerId));
        Assert.Equal(SalesOrderStatus.PendenteDados, (await harness.LoadAsync(tenant, shopee.Id)).Status);

        var forAll = await OkAsync(await erp.PutAsJsonAsync(Url(shopee.Id), new IntermediarySellerIdFix("SHOP-2", ApplyToMarketplace: true), Cancel));
        Assert.Equal((SalesOrderSituations.Ready, "SHOP-2"), (forAll.Situation, forAll.Intermediary?.SellerId));
        Assert.Equal("SHOP-2", (await harness.LoadAsync(tenant, sameShop.Id)).Intermediary?.SellerId);
        Assert.Equal("SHOP-1", (await harness.LoadAsync(tenant, one.Id)).Intermediary?.SellerId);
        Assert.Null((await harness.LoadAsync(tenant, other.Id)).Intermediary?.SellerId);
        Assert.Contains((await erp.GetFromJsonAsync<StoreMarketplaces>($"api/orders/stores/{Store}/marketplaces", Cancel))!.Items,
            m => m is { Name: "Shopee", SellerId: "SHOP-2", PendingOrders: 0 });
        var ownSite = Order("3105", SaoPaulo(6, 11));
        await harness.StoreAsync(tenant, ownSite);
        await AssertProblemAsync(await erp.PutAsJsonAsync(Url(ownSite.Id), new IntermediarySellerIdFix("SHOP-2", ApplyToMarketplace: true), Cancel),
            HttpStatusCode.NotFound, OrderProblemCodes.NoIntermediary);
    }

    [Fact]
    public async Task The_detail_keeps_every_field_the_document_had_and_adds_the_situation()
    {
        var tenant = NewTenant();
        var seeded = await SeedAsync(tenant);
        using var erp = harness.Client(tenant);
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        foreach (var order in seeded.Values)
        {
            // What GET /{id} answered before the records: the document itself, serialized with the web defaults.
            var before = JsonNode.Parse(JsonSerializer.Serialize(order, web))!.AsObject();
            var now = JsonNode.Parse(await erp.GetStringAsync($"api/orders/sales-orders/{order.Id}", Cancel))!.AsObject();

            foreach (var (name, value) in before)
                Assert.True(JsonNode.DeepEquals(value, now[name]), $"{order.TrayOrderId}.{name}: was {value?.ToJsonString()}, now {now[name]?.ToJsonString()}");
            Assert.Equal(order.Status.Situation(), now["situation"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task The_openapi_document_names_every_answer_record()
    {
        using var erp = harness.Client(NewTenant());

        var document = await erp.GetStringAsync("api/orders/openapi/v1.json", Cancel);

        foreach (var schema in new[] { nameof(SalesOrderPage), nameof(SalesOrderSummary), nameof(SalesOrderDetail), nameof(MissingItem),
                     nameof(CustomerPage), nameof(CustomerDetail), nameof(CustomerTaxIdFix), nameof(InvoiceCityFix),
                     nameof(StoreMarketplaces), nameof(StoreMarketplace), nameof(MarketplaceSellerIdSet), nameof(IntermediarySellerIdFix),
                     nameof(SalesOrderCancelRequest), nameof(CancelledNfeData) })
            Assert.Contains($"\"{schema}\"", document);
    }

    private static async Task<SalesOrderDetail> OkAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SalesOrderDetail>(Cancel))!;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code, (string Name, string Message)? field = null)
    {
        Assert.Equal((status, "application/problem+json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        if (field is { } f) Assert.Equal(f.Message, problem.GetProperty("errors").GetProperty(f.Name)[0].GetString());
    }
}
