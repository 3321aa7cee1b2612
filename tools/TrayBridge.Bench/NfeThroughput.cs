using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.TestSupport;

namespace TrayBridge.Bench;

/// <summary>One batch of every ready sales order → authorized NF-e at the SEFAZ simulator, then each invoice on its Tray
/// order (at the highest budget priority): notes per minute to authorization and to Tray. NCMs the seed leaves out are
/// completed first, as a user would.</summary>
public static partial class NfeThroughput
{
    [System.Text.RegularExpressions.GeneratedRegex(@"/orders/\d+(/invoices)?$")]
    private static partial System.Text.RegularExpressions.Regex InvoiceCall();

    public static async Task<BenchResult> MeasureAsync(BenchStore store, List<JsonElement> salesOrders)
    {
        await InvoicingSteps.ConfigureEmitterAsync(store.Erp);
        foreach (var pending in salesOrders.Where(InvoicingSteps.LacksOnlyNcm))
            await InvoicingSteps.CompleteNcmsAsync(store.Erp, pending.GetProperty("id").GetGuid());
        var ready = (await store.SalesOrdersAsync()).Where(o => o.GetProperty("statusLabel").GetString() == "Pronto para faturar")
            .Select(o => o.GetProperty("id").GetGuid()).ToList();

        var calls = await store.TrayRequestCountAsync();
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
        await Eventually.ReturnsAsync(() => store.Erp.GetFromJsonAsync<JsonElement>($"api/tray/invoices?storeId={store.StoreId}"),
            list => list.GetProperty("items").EnumerateArray().Count(Sent) >= authorized, TimeSpan.FromMinutes(15), "the invoices on Tray");
        var onTrayIn = clock.Elapsed;
        // The invoice's own calls (its POST, the order's status read and move): the polls running meanwhile are not counted.
        var invoiceCalls = (await store.TrayRequestsAsync(calls)).Count(c => InvoiceCall().IsMatch(c.GetProperty("path").GetString()!.Split('?')[0]));
        return new BenchResult("NF-e batch (notes/min)", ready.Count, new Dictionary<string, double>
        {
            ["authorized"] = authorized, ["acceptedSeconds"] = issuedIn.TotalSeconds, ["storedSeconds"] = storedIn.TotalSeconds,
            ["toAuthorization"] = authorized / authorizedIn.TotalMinutes, ["toTray"] = authorized / onTrayIn.TotalMinutes,
            ["trayCallsPerInvoice"] = invoiceCalls / (double)Math.Max(1, authorized),
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

    private static bool Sent(JsonElement delivery) =>
        delivery.GetProperty("state") is var state && (state.ValueKind == JsonValueKind.String ? state.GetString() == "Enviada" : state.GetInt32() == 1);
}
