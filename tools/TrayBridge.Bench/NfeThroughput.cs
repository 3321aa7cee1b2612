using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.TestSupport;

namespace TrayBridge.Bench;

/// <summary>Batches of ready sales orders → authorized NF-e at the SEFAZ simulator, then each invoice on its Tray order (at
/// the highest budget priority): notes per minute to authorization and to Tray, and the numbers the notes took — consecutive,
/// each once. NCMs the seed leaves out are completed first, as a user would.</summary>
public static partial class NfeThroughput
{
    [System.Text.RegularExpressions.GeneratedRegex(@"/orders/\d+(/invoices)?$")]
    private static partial System.Text.RegularExpressions.Regex InvoiceCall();

    private const string ReadyLabel = "Pronto para faturar";

    /// <summary>Today's figure at Tray's real budget: every ready order of the store, with the invoice's own Tray calls.</summary>
    public static async Task<BenchFigure> MeasureAsync(BenchStore store, List<JsonElement> salesOrders)
    {
        await InvoicingSteps.ConfigureEmitterAsync(store.Erp, InvoicingSteps.NewCnpj());
        await store.MapInvoicedStatusAsync();
        foreach (var pending in salesOrders.Where(InvoicingSteps.LacksOnlyNcm))
            await InvoicingSteps.CompleteNcmsAsync(store.Erp, pending.GetProperty("id").GetGuid());
        var ready = (await store.SalesOrdersAsync()).Where(o => o.GetProperty("statusLabel").GetString() == ReadyLabel)
            .Select(o => o.GetProperty("id").GetGuid()).ToList();
        var calls = await store.TrayRequestCountAsync();
        var run = await RunAsync(store, ready);
        // The invoice's own calls (its POST, the order's status read and move to FATURADO): the polls running meanwhile are not counted.
        var invoiceCalls = (await store.TrayRequestsAsync(calls)).Count(c => InvoiceCall().IsMatch(c.GetProperty("path").GetString()!.Split('?')[0]));
        var details = new Dictionary<string, double>(run.Details) { ["trayCallsPerInvoice"] = invoiceCalls / (double)Math.Max(1, run.Authorized) };
        return new BenchFigure("NF-e batch (notes/min)", details["toAuthorization"], "notes/min", details);
    }

    /// <summary>One batch of <paramref name="size"/> orders (at most 1,000, a batch's bound) end to end, numbers checked.</summary>
    public static async Task<IReadOnlyList<BenchFigure>> MeasureBatchAsync(BenchStore store, int size)
    {
        // An emitter of its own: another tenant's notes at the same SEFAZ simulator would take the same numbers (539).
        await InvoicingSteps.ConfigureEmitterAsync(store.Erp, InvoicingSteps.NewCnpj());
        var ready = new List<Guid>();
        foreach (var order in await store.SalesOrdersAsync())
        {
            if (ready.Count == size) break;
            var id = order.GetProperty("id").GetGuid();
            if (InvoicingSteps.LacksOnlyNcm(order))
            {
                await InvoicingSteps.CompleteNcmsAsync(store.Erp, id);
                // Taken only when the NCM was all it lacked: a note refused for another reason is not the batch's figure.
                if ((await store.Erp.GetFromJsonAsync<JsonElement>($"api/orders/sales-orders/{id}")).GetProperty("statusLabel").GetString() == ReadyLabel)
                    ready.Add(id);
            }
            else if (order.GetProperty("statusLabel").GetString() == ReadyLabel) ready.Add(id);
        }
        var run = await RunAsync(store, ready);
        var numbers = run.Numbers.Order().ToList();
        var distinct = numbers.Distinct().Count();
        var gaps = numbers.Count == 0 ? 0 : numbers[^1] - numbers[0] + 1 - distinct;
        var numbering = new Dictionary<string, double>
        {
            ["notes"] = numbers.Count, ["first"] = numbers.FirstOrDefault(), ["last"] = numbers.LastOrDefault(), ["repeated"] = numbers.Count - distinct,
        };
        return
        [
            new BenchFigure($"NF-e batch of {ready.Count}, end to end (notes/min)", run.Details["toAuthorization"], "notes/min", run.Details),
            new BenchFigure($"NF-e batch of {ready.Count}, numbers missing", gaps, "numbers", numbering),
        ];
    }

    private static async Task<(int Authorized, List<int> Numbers, Dictionary<string, double> Details)> RunAsync(BenchStore store, List<Guid> ready)
    {
        var postsBefore = await PostsAsync(store);
        var clock = Stopwatch.StartNew();
        // A batch holds at most 1,000 sales orders: more ready orders go in several, posted at once.
        var batchIds = new List<Guid>();
        foreach (var chunk in ready.Chunk(1000))
        {
            var response = await store.Erp.PostAsJsonAsync("api/invoicing/batches", new { salesOrderIds = chunk });
            batchIds.Add((await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }
        var issuedIn = clock.Elapsed;
        // The 202 comes at once; "stored" is when the last order is numbered and signed (none waiting any more).
        await UntilAsync(store, batchIds, b => b.GetProperty("counts").GetProperty("waiting").GetInt32() == 0, "every order issued or skipped");
        var storedIn = clock.Elapsed;
        var settled = await UntilAsync(store, batchIds, b => b.GetProperty("done").GetBoolean(), "the batches settled");
        var authorizedIn = clock.Elapsed;
        var authorized = settled.Sum(b => b.GetProperty("counts").GetProperty("authorized").GetInt32());
        await Eventually.ReturnsAsync(() => DeliveredAsync(store, postsBefore), delivered => delivered >= authorized, TimeSpan.FromMinutes(15),
            "the invoices on Tray");
        var onTrayIn = clock.Elapsed;
        var numbers = settled.SelectMany(b => b.GetProperty("orders").EnumerateArray())
            .Where(o => o.GetProperty("number").ValueKind == JsonValueKind.Number).Select(o => o.GetProperty("number").GetInt32()).ToList();
        return (authorized, numbers, new Dictionary<string, double>
        {
            ["orders"] = ready.Count, ["authorized"] = authorized, ["acceptedSeconds"] = issuedIn.TotalSeconds, ["storedSeconds"] = storedIn.TotalSeconds,
            ["toAuthorization"] = authorized / authorizedIn.TotalMinutes, ["toTray"] = authorized / onTrayIn.TotalMinutes,
            ["secondsToTray"] = onTrayIn.TotalSeconds,
        });
    }

    private static async Task<List<JsonElement>> UntilAsync(BenchStore store, List<Guid> batchIds, Func<JsonElement, bool> condition, string what)
    {
        var batches = new List<JsonElement>();
        foreach (var id in batchIds)
            batches.Add(await Eventually.ReturnsAsync(() => store.Erp.GetFromJsonAsync<JsonElement>($"api/invoicing/batches/{id}"), condition,
                TimeSpan.FromMinutes(15), what));
        return batches;
    }

    /// <summary>Invoices on Tray since <paramref name="postsBefore"/>: Tray's count of POSTs (nothing else posts while a batch
    /// runs: products are exported before), but only once the newest deliveries the connector lists (≤ 500) are all sent,
    /// so a retried POST is not taken for another invoice.</summary>
    private static async Task<int> DeliveredAsync(BenchStore store, int postsBefore)
    {
        var list = await store.Erp.GetFromJsonAsync<JsonElement>($"api/tray/invoices?storeId={store.StoreId}");
        return list.GetProperty("items").EnumerateArray().All(Sent) ? await PostsAsync(store) - postsBefore : 0;
    }

    private static async Task<int> PostsAsync(BenchStore store) =>
        (await store.Tray.GetFromJsonAsync<JsonElement>($"admin/stores/{store.StoreId}/stats")).GetProperty("byMethod") is var byMethod
        && byMethod.TryGetProperty("POST", out var posts) ? posts.GetInt32() : 0;

    /// <summary>On Tray, and the order's status moved (or the reason it was not): the invoice's every call is made.</summary>
    private static bool Sent(JsonElement delivery) =>
        delivery.GetProperty("state") is var state && (state.ValueKind == JsonValueKind.String ? state.GetString() == "Enviada" : state.GetInt32() == 1)
        && (delivery.GetProperty("statusMoved").GetBoolean() || delivery.GetProperty("statusNote").ValueKind == JsonValueKind.String);
}
