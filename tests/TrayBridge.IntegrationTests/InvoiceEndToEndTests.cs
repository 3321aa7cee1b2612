using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.Api.Orders;
using TrayBridge.Api.Tray;
using TrayBridge.TestSupport;

namespace TrayBridge.IntegrationTests;

/// <summary>NF-e em lote end to end, through the gateway against both simulators: 60 imported Tray orders (NCMs the seed
/// lacks completed on the orders), one batch → 60
/// authorized NF-e in lots of at most 50, numbered without a gap, each key valid and unique and each nfeProc schema-valid;
/// every Tray order then holds exactly one invoice with the note's number, série, key and value, and the invoiced status.</summary>
[Collection(nameof(EndToEndSystem))]
public sealed class InvoiceEndToEndTests(EndToEndFixture fixture)
{
    private const string Tenant = "tenant-invoice-e2e";
    private const string StoreId = "590001";
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sixty_sales_orders_become_sixty_authorized_NFes_and_each_Tray_order_gets_exactly_one_invoice_and_the_invoiced_status()
    {
        var system = fixture.System;
        var before = await Metrics.ScrapeAsync(system.TrayConnector);
        using var driver = await ImportDriver.ConnectAsync(system, Tenant, StoreId, products: 20, orders: 100);
        var exported = await ExportOneProductAsync(driver); // issue 15: the activity log's first line
        await CreateInvoicedStatusAsync(driver);
        await InvoicingSteps.ConfigureEmitterAsync(driver.Erp);
        var trayOrders = (await driver.MirrorAsync()).Where(r => !r.GetProperty("cancelled").GetBoolean())
            .Select(r => r.GetProperty("trayOrderId").GetString()!).ToArray();
        await driver.ImportAsync(trayOrders);
        var imported = await Eventually.ReturnsAsync(driver.SalesOrdersAsync, orders => orders.Count == trayOrders.Length, TimeSpan.FromSeconds(90),
            $"{trayOrders.Length} sales orders");
        // The seed leaves some products without an NCM: the user completes them on the orders (buyers without CPF/CNPJ stay out).
        foreach (var pending in imported.Where(InvoicingSteps.LacksOnlyNcm))
            await InvoicingSteps.CompleteNcmsAsync(driver.Erp, pending.GetProperty("id").GetGuid());
        var salesOrders = (await Eventually.ReturnsAsync(driver.SalesOrdersAsync, orders => orders.Count(Ready) >= 60, TimeSpan.FromSeconds(30),
            "60 sales orders ready for NF-e")).Where(Ready).Take(60).ToList();

        var response = await driver.Erp.PostAsJsonAsync("api/invoicing/batches",
            new { salesOrderIds = salesOrders.Select(o => o.GetProperty("id").GetGuid()) }, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Cancel));
        var batchId = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        await Eventually.ReturnsAsync(() => driver.Erp.GetFromJsonAsync<JsonElement>($"api/invoicing/batches/{batchId}", Cancel),
            batch => batch.GetProperty("done").GetBoolean() && batch.GetProperty("counts").GetProperty("authorized").GetInt32() == 60,
            TimeSpan.FromSeconds(120), "60 authorized notes");
        var notes = (await driver.Erp.GetFromJsonAsync<JsonElement>($"api/invoicing/nfes?batchId={batchId}&pageSize=200", Cancel))
            .GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(60, notes.Count);
        Assert.All(notes, n => Assert.Equal("Authorized", n.GetProperty("status").GetString()));

        var numbers = notes.Select(n => n.GetProperty("number").GetInt32()).Order().ToList();
        Assert.Equal(Enumerable.Range(numbers[0], 60), numbers);
        var keys = notes.Select(n => n.GetProperty("key").GetString()!).ToList();
        Assert.Equal(60, keys.Distinct().Count());
        Assert.All(notes, n => AssertKey(n.GetProperty("key").GetString()!, n.GetProperty("number").GetInt32(), n.GetProperty("series").GetInt32()));
        using var sefaz = system.Client(system.SefazSimulator);
        var lots = await sefaz.GetFromJsonAsync<JsonElement>("admin/lots", Cancel);
        Assert.All(lots.EnumerateArray(), lot => Assert.InRange(lot.GetProperty("notes").GetInt32(), 1, 50));
        Assert.Equal(60, lots.EnumerateArray().Sum(lot => lot.GetProperty("notes").GetInt32()));
        using var anonymous = system.Client(system.Gateway);
        foreach (var note in notes)
            Assert.Empty(NfeProcSchema.Errors(await anonymous.GetStringAsync(note.GetProperty("xmlUrl").GetString(), Cancel)));

        // Every delivery settled, and each one sent: a refusal or a retry names its reason here rather than as a timeout below.
        var deliveries = await Eventually.ReturnsAsync(async () => (await driver.Erp.GetFromJsonAsync<JsonElement>($"api/tray/invoices?storeId={StoreId}", Cancel))
                .GetProperty("items").EnumerateArray().ToList(),
            list => list.Count == 60 && list.All(d => d.GetProperty("state").GetString() != "Pendente"), TimeSpan.FromSeconds(240), "60 deliveries settled");
        Assert.All(deliveries, d => Assert.True(d.GetProperty("state").GetString() == "Enviada", d.ToString()));
        await MetricsMovedAsync(system, before, imported: trayOrders.Length, sent: 60);
        foreach (var note in notes)
        {
            var trayOrder = await Eventually.ReturnsAsync(() => driver.TrayOrderAsync(note.GetProperty("trayOrderId").GetString()!),
                o => o.GetProperty("status").GetString() == "FATURADO", TimeSpan.FromSeconds(60), $"Tray order {note.GetProperty("trayOrderId")} invoiced");
            var invoice = Assert.Single(trayOrder.GetProperty("OrderInvoice").EnumerateArray()).GetProperty("OrderInvoice");
            Assert.Equal((note.GetProperty("number").GetInt32().ToString(), note.GetProperty("series").GetInt32().ToString(), note.GetProperty("key").GetString(),
                    note.GetProperty("total").GetDecimal()),
                (invoice.GetProperty("number").GetString(), invoice.GetProperty("serie").GetString(), invoice.GetProperty("key").GetString(),
                    decimal.Parse(invoice.GetProperty("value").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
            // xml_danfe is the authorized nfeProc itself, as Invoicing serves it; link is the DANFE.
            Assert.Equal(await anonymous.GetStringAsync(note.GetProperty("xmlUrl").GetString(), Cancel), invoice.GetProperty("xml_danfe").GetString());
            Assert.Equal(note.GetProperty("danfeUrl").GetString(), invoice.GetProperty("link").GetString());
        }
        // Attack: reading the links out of traces and logs. The connector fetched every XML link through the gateway (HttpClient
        // and YARP spans and log lines): no token of any note's link is in any host's spans or log.
        var telemetry = string.Concat(new[] { "gateway", "invoicing", "tray-connector" }
            .SelectMany(host => new[] { TelemetryFiles.Read(system, host, ".jsonl"), TelemetryFiles.Read(system, host, ".log") }));
        Assert.Contains("/public/invoicing/nfes/***/xml", telemetry);
        Assert.All(notes, n => Assert.All(new[] { "xmlUrl", "danfeUrl" },
            link => Assert.DoesNotContain(new Uri(n.GetProperty(link).GetString()!).Segments[^2].TrimEnd('/'), telemetry)));
        var invoiced = salesOrders.Select(o => o.GetProperty("id").GetGuid()).ToHashSet();
        await Eventually.ReturnsAsync(driver.SalesOrdersAsync, orders => orders.Count(o => o.GetProperty("statusLabel").GetString() == "Faturado"
            && invoiced.Contains(o.GetProperty("id").GetGuid())) == 60, TimeSpan.FromSeconds(30), "the 60 sales orders Faturado");

        // The merchant dispatches one: its tracking reaches the Tray order.
        var first = notes[0];
        var shipped = await driver.Erp.PostAsJsonAsync($"api/orders/sales-orders/{first.GetProperty("salesOrderId").GetGuid()}/shipment",
            new { carrier = "Correios", trackingCode = "QB123456789BR", trackingUrl = "https://rastreio.example/QB123456789BR" }, Cancel);
        Assert.True(shipped.StatusCode == HttpStatusCode.OK, await shipped.Content.ReadAsStringAsync(Cancel));
        var tracked = await Eventually.ReturnsAsync(() => driver.TrayOrderAsync(first.GetProperty("trayOrderId").GetString()!),
            o => o.GetProperty("sending_code").GetString() == "QB123456789BR", TimeSpan.FromSeconds(60), "the tracking on the Tray order");
        Assert.Equal("https://rastreio.example/QB123456789BR", tracked.GetProperty("tracking_url").GetString());

        await SampleSubscriberChecks.SawEachEventOnceAsync(system, Tenant, imported: trayOrders.Length, issued: 60, shipped: 1);
        await ActivityTellsTheStoryAsync(system, driver, exported, imported: trayOrders.Length, invoiced: notes.Select(n => n.GetProperty("key").GetString()!).ToList());
    }

    private static async Task<Guid> ExportOneProductAsync(ImportDriver driver)
    {
        var product = await Api.CreateProductAsync(driver.Erp, "ATIVIDADE-1");
        var requested = await driver.Erp.PostAsJsonAsync("api/catalog/exports", new { storeId = StoreId, productIds = new[] { product } }, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        var exportId = (await requested.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("exportId").GetGuid();
        await Eventually.ReturnsAsync(() => driver.Erp.GetFromJsonAsync<JsonElement>($"api/catalog/exports/{exportId}", Cancel),
            e => e.GetProperty("exported").GetInt32() == 1, TimeSpan.FromSeconds(60), "the product on Tray");
        return product;
    }

    /// <summary>Issue 15, the activity log per store: the store's export, imports and invoices, in that order, each with the
    /// trace id of the span that decided it (the connector's spans) — and the export's and the import's are the traces of the
    /// user's own requests through the gateway, so one id leads from the click to Tray. Filters narrow it; a page is newest
    /// first; another tenant does not see the store; an unknown kind is a 400 with its code.</summary>
    private static async Task ActivityTellsTheStoryAsync(TrayBridgeSystem system, ImportDriver driver, Guid exported, int imported, List<string> invoiced)
    {
        async Task<List<StoreActivityEntry>> ReadAsync(string filter, int expected)
        {
            var page = await Eventually.ReturnsAsync(() => driver.Erp.GetFromJsonAsync<StoreActivityPage>($"api/tray/stores/{StoreId}/activity?pageSize=200&{filter}", Cancel),
                p => p!.Total >= expected, TimeSpan.FromSeconds(30), $"{expected} activity lines for {filter}");
            // Newest first (ties broken by id, in PostgreSQL's uuid order).
            Assert.Equal(page!.Items.Select(l => l.At).OrderDescending(), page.Items.Select(l => l.At));
            return page.Items.ToList();
        }
        var export = Assert.Single(await ReadAsync("kind=product_export", 1));
        Assert.Equal((StoreActivitySubjects.Product, exported.ToString(), StoreActivityResults.Ok, "Exportação de produto"),
            (export.SubjectType, export.SubjectId, export.Result, export.KindLabel));
        Assert.NotNull(export.TrayId);
        var imports = await ReadAsync("kind=order_import&result=ok", imported);
        Assert.Equal(imported, imports.Count);
        Assert.All(imports, line => Assert.Equal((StoreActivityKinds.OrderImport, StoreActivityResults.Ok), (line.Kind, line.Result)));
        var invoices = await ReadAsync("kind=invoice", invoiced.Count);
        Assert.Equal(invoiced.Order(), invoices.Select(l => l.SubjectId!).Order());
        Assert.All(invoices, line => Assert.Equal((StoreActivityResults.Ok, StoreActivitySubjects.Note), (line.Result, line.SubjectType)));
        // In order: the export before the first import, the last import before the first invoice (a page is newest first).
        Assert.True(export.At < imports.Min(l => l.At) && imports.Max(l => l.At) < invoices.Min(l => l.At),
            $"export {export.At:O}, imports {imports.Min(l => l.At):O}–{imports.Max(l => l.At):O}, invoices from {invoices.Min(l => l.At):O}");
        var all = await ReadAsync("", 1 + imported + invoiced.Count);
        Assert.Contains(all, l => l.Kind == StoreActivityKinds.OrderStatus && l.Result == StoreActivityResults.Ok);
        Assert.DoesNotContain(await ReadAsync("result=waiting", 0), l => l.Result != StoreActivityResults.Waiting);

        Assert.All(imports.Concat(invoices).Append(export), line => Assert.Matches("^[0-9a-f]{32}$", line.TraceId ?? ""));
        // The trace ids are the connector's spans, and the export's and one import's go back to the user's request at the gateway.
        var connectorSpans = await Eventually.ReturnsAsync(() => Task.FromResult(TelemetryFiles.Read(system, "tray-connector", ".jsonl")),
            spans => new[] { export }.Concat(imports).Concat(invoices).All(l => spans.Contains($"\"traceId\":\"{l.TraceId}\"")),
            TimeSpan.FromSeconds(30), "the lines' spans exported");
        Assert.NotEmpty(connectorSpans);
        var gateway = TelemetryFiles.Read(system, "gateway", ".jsonl");
        Assert.Contains($"\"traceId\":\"{export.TraceId}\"", gateway);
        Assert.Contains(imports, l => gateway.Contains($"\"traceId\":\"{l.TraceId}\""));

        using var other = system.Client(system.Gateway, "tenant-activity-other");
        var hidden = await other.GetAsync($"api/tray/stores/{StoreId}/activity", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal("store.not_found", (await hidden.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("code").GetString());
        var unknown = await driver.Erp.GetAsync($"api/tray/stores/{StoreId}/activity?kind=everything", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var problem = await unknown.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("validation", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("kind", out _), problem.ToString());
        var tooBig = await driver.Erp.GetAsync($"api/tray/stores/{StoreId}/activity?pageSize=1000", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        // Paged: the second line of the whole log is the first of page 2 with one line a page.
        var second = await driver.Erp.GetFromJsonAsync<StoreActivityPage>($"api/tray/stores/{StoreId}/activity?pageSize=1&page=2", Cancel);
        Assert.Equal((2, 1), (second!.Page, second.PageSize));
        Assert.Single(second.Items);
    }

    /// <summary>Issue 15, metrics: what an operator's Prometheus scrapes from the services' own ports moved by exactly what
    /// happened (orders imported, invoices sent, Tray calls answered); the gauges sampled from PostgreSQL are there and the
    /// relay's lag comes back to zero; and no route of the gateway serves any host's metrics.</summary>
    private static async Task MetricsMovedAsync(TrayBridgeSystem system, Metrics before, int imported, int sent)
    {
        double Delta(Metrics after, string name, params (string, string)[] labels) => after.Value(name, labels) - before.Value(name, labels);
        var after = await Eventually.ReturnsAsync(() => Metrics.ScrapeAsync(system.TrayConnector),
            m => Delta(m, "traybridge_orders_imported_total", ("result", "imported")) >= imported
                 && Delta(m, "traybridge_invoices_sent_total", ("result", "sent")) >= sent,
            TimeSpan.FromSeconds(30), "the connector's counters");
        Assert.Equal(imported, Delta(after, "traybridge_orders_imported_total", ("result", "imported")));
        Assert.Equal(sent, Delta(after, "traybridge_invoices_sent_total", ("result", "sent")));
        Assert.Equal(0, Delta(after, "traybridge_invoices_sent_total", ("result", "refused")));
        // Each invoice is at least its POST and its order's status move; every call is counted by status code and store bucket.
        var answered = after.Value("traybridge_tray_calls_total", "status_code", code => code.StartsWith('2'))
                       - before.Value("traybridge_tray_calls_total", "status_code", code => code.StartsWith('2'));
        Assert.True(answered >= 2 * sent, $"{answered} Tray calls answered 2xx");
        Assert.Contains("store_bucket=\"", after.Text);
        Assert.True(after.Has("traybridge_tray_stores_failing"), after.Text);
        foreach (var host in new[] { system.Catalog, system.Orders, system.Invoicing, system.TrayConnector })
            await Eventually.ReturnsAsync(() => Metrics.ScrapeAsync(host), m => m.Has("traybridge_relay_lag_events") && m.Value("traybridge_relay_lag_events") == 0
                && m.Has("traybridge_relay_lag_seconds"), TimeSpan.FromSeconds(60), $"{host.Name}'s relay lag at zero");
        using var anonymous = system.Client(system.Gateway);
        foreach (var path in new[] { "metrics", "api/tray/metrics", "api/invoicing/metrics" })
        {
            var response = await anonymous.GetAsync(path, Cancel);
            Assert.DoesNotContain("traybridge_", await response.Content.ReadAsStringAsync(Cancel));
        }
    }

    /// <summary>Issue 11: a tenant pointed its "SEFAZ" at an internal address (SSRF: the Invoicing host itself, reached from
    /// inside) or at a stub answering 100. Through the gateway the API now refuses any SEFAZ URL, and the emitter shows the
    /// endpoints in use, which only the operator's override (here the simulator) replaces.</summary>
    [Fact]
    public async Task Ssrf_an_internal_sefaz_url_given_through_the_gateway_is_refused_with_400()
    {
        var system = fixture.System;
        using var erp = system.Client(system.Gateway, "tenant-invoice-ssrf");
        var inside = new Uri(system.Invoicing.BaseAddress, "api/invoicing/emitter").ToString();
        var refused = await erp.PutAsJsonAsync("api/invoicing/emitter", new
        {
            cnpj = InvoicingSteps.EmitterCnpj, stateRegistration = "123456789012", name = "LOJA EXEMPLO LTDA",
            address = new
            {
                street = "RUA DAS FLORES", number = "100", district = "CENTRO", cityCode = "3550308", cityName = "SAO PAULO", uf = "SP", zipCode = "01001000",
            },
            crt = 1, series = 1, environment = 2, authorizationUrl = inside, receiptUrl = inside, consultationUrl = inside,
        }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("emitter.sefaz_url_not_accepted", problem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await erp.GetAsync("api/invoicing/emitter", Cancel)).StatusCode);
        await InvoicingSteps.ConfigureEmitterAsync(erp, InvoicingSteps.NewCnpj());
        var sefaz = (await erp.GetFromJsonAsync<JsonElement>("api/invoicing/emitter", Cancel)).GetProperty("sefaz");
        Assert.StartsWith(system.SefazSimulator.BaseAddress.ToString(), sefaz.GetProperty("authorization").GetString());
    }

    /// <summary>Issue 10: a Mercado Livre order Tray sent without the seller's id there was "Pronto para faturar" and every
    /// batch skipped it. Now it is Pendente on the seller's id (a batch skips it with that reason); the store's id for the
    /// marketplace, set once, makes it ready, and its note is authorized with the id in infIntermed/idCadIntTran.</summary>
    [Fact]
    public async Task A_marketplace_order_without_the_sellers_id_waits_for_the_stores_and_is_authorized_with_it_in_idCadIntTran()
    {
        const string storeId = "590002";
        var system = fixture.System;
        using var driver = await ImportDriver.ConnectAsync(system, "tenant-invoice-seller", storeId, products: 3);
        await InvoicingSteps.ConfigureEmitterAsync(driver.Erp, InvoicingSteps.NewCnpj());
        var trayOrderId = await driver.CreateOrderAsync(new { status = "A ENVIAR", marketplace = "Mercado Livre", withoutSellerId = true });
        await driver.MirroredAsync(1);
        await driver.ImportAsync(trayOrderId);
        var imported = Assert.Single(await Eventually.ReturnsAsync(driver.SalesOrdersAsync, orders => orders.Count == 1, TimeSpan.FromSeconds(60), "the sales order"));
        var id = imported.GetProperty("id").GetGuid();
        await InvoicingSteps.CompleteNcmsAsync(driver.Erp, id);
        var pending = await driver.Erp.GetFromJsonAsync<JsonElement>($"api/orders/sales-orders/{id}", Cancel);
        Assert.Equal(("pending", "Pendente: falta id do vendedor no marketplace (Mercado Livre)"),
            (pending.GetProperty("situation").GetString(), pending.GetProperty("statusLabel").GetString()));

        var skipped = await BatchAsync(driver, id);
        Assert.Equal("skipped", Assert.Single(skipped.GetProperty("orders").EnumerateArray()).GetProperty("state").GetString());

        var set = await driver.Erp.PutAsJsonAsync($"api/orders/stores/{storeId}/marketplaces/Mercado%20Livre", new { sellerId = "123456789" }, Cancel);
        Assert.True(set.StatusCode == HttpStatusCode.OK, await set.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(1, (await set.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("ordersReady").GetInt32());
        var authorized = await BatchAsync(driver, id);

        var order = Assert.Single(authorized.GetProperty("orders").EnumerateArray());
        Assert.Equal("authorized", order.GetProperty("state").GetString());
        var note = Assert.Single((await driver.Erp.GetFromJsonAsync<JsonElement>($"api/invoicing/nfes?salesOrderId={id}", Cancel)).GetProperty("items").EnumerateArray());
        using var anonymous = system.Client(system.Gateway);
        var nfeProc = System.Xml.Linq.XDocument.Parse(await anonymous.GetStringAsync(note.GetProperty("xmlUrl").GetString(), Cancel));
        System.Xml.Linq.XNamespace nfe = "http://www.portalfiscal.inf.br/nfe";
        var intermed = nfeProc.Descendants(nfe + "infIntermed").Single();
        Assert.Equal(("03007331000141", "123456789"), (intermed.Element(nfe + "CNPJ")?.Value, intermed.Element(nfe + "idCadIntTran")?.Value));
        Assert.Equal("1", nfeProc.Descendants(nfe + "indIntermed").Single().Value);

        // Set once: the next order of that marketplace Tray sends without the id is imported with the store's.
        var next = await driver.CreateOrderAsync(new { status = "A ENVIAR", marketplace = "Mercado Livre", withoutSellerId = true });
        await driver.MirroredAsync(2);
        await driver.ImportAsync(next);
        var nextOrder = (await Eventually.ReturnsAsync(driver.SalesOrdersAsync, orders => orders.Count == 2, TimeSpan.FromSeconds(60), "the next sales order"))
            .Single(o => o.GetProperty("trayOrderId").GetString() == next);
        var detail = await driver.Erp.GetFromJsonAsync<JsonElement>($"api/orders/sales-orders/{nextOrder.GetProperty("id").GetGuid()}", Cancel);
        Assert.Equal("123456789", detail.GetProperty("intermediary").GetProperty("sellerId").GetString());
        Assert.DoesNotContain(MissingCodes.IntermediarySellerId, detail.GetProperty("missingItems").EnumerateArray().Select(m => m.GetProperty("code").GetString()));
    }

    /// <summary>One batch of the order, followed until done.</summary>
    private static async Task<JsonElement> BatchAsync(ImportDriver driver, Guid salesOrderId)
    {
        var response = await driver.Erp.PostAsJsonAsync("api/invoicing/batches", new { salesOrderIds = new[] { salesOrderId } }, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Cancel));
        var batchId = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        return await Eventually.ReturnsAsync(() => driver.Erp.GetFromJsonAsync<JsonElement>($"api/invoicing/batches/{batchId}", Cancel),
            batch => batch.GetProperty("done").GetBoolean(), TimeSpan.FromSeconds(90), "the batch done");
    }

    private static bool Ready(JsonElement salesOrder) => salesOrder.GetProperty("statusLabel").GetString() == "Pronto para faturar";

    /// <summary>The merchant's "FATURADO" status on Tray; the connector's refresh of the statuses recognises it as the invoiced one.</summary>
    private static async Task CreateInvoicedStatusAsync(ImportDriver driver)
    {
        var token = (await driver.Tray.GetFromJsonAsync<JsonElement>($"admin/stores/{StoreId}/secrets", Cancel)).GetProperty("accessTokens").EnumerateArray().Last().GetString();
        var created = await driver.Tray.PostAsJsonAsync($"{StoreId}/web_api/orders/statuses?access_token={token}",
            new Dictionary<string, object> { ["OrderStatus"] = new { status = "FATURADO" } }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").ToString();
        var refreshed = await driver.Erp.PostAsJsonAsync("api/tray/orders/statuses/refresh", new { storeId = StoreId }, Cancel);
        Assert.Equal(id, (await refreshed.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("invoicedId").GetString());
    }

    /// <summary>44 digits: cUF, AAMM, the emitter's CNPJ, model 55, série, number, tpEmis, cNF, and a modulo-11 check digit (nfe.md §1.3).</summary>
    private static void AssertKey(string key, int number, int series)
    {
        Assert.Matches("^[0-9]{44}$", key);
        Assert.Equal((InvoicingSteps.EmitterCnpj, "55", series.ToString("000"), number.ToString("000000000")), (key[6..20], key[20..22], key[22..25], key[25..34]));
        var (sum, weight) = (0, 2);
        for (var i = 42; i >= 0; i--)
        {
            sum += (key[i] - '0') * weight;
            weight = weight == 9 ? 2 : weight + 1;
        }
        var digit = 11 - sum % 11;
        Assert.Equal(digit >= 10 ? 0 : digit, key[43] - '0');
    }
}
