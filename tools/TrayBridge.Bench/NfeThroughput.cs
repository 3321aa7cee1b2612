using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.TestSupport;

namespace TrayBridge.Bench;

/// <summary>One batch of every ready sales order → authorized NF-e at the SEFAZ simulator, then each invoice on its Tray
/// order (at the highest budget priority): notes per minute to authorization and to Tray. NCMs the seed leaves out are
/// completed first, as a user would.</summary>
public static class NfeThroughput
{
    public static async Task<BenchResult> MeasureAsync(BenchStore store, Uri sefaz, List<JsonElement> salesOrders)
    {
        await InvoicingSteps.ConfigureEmitterAsync(store.Erp, sefaz);
        foreach (var pending in salesOrders.Where(InvoicingSteps.LacksOnlyNcm))
            await InvoicingSteps.CompleteNcmsAsync(store.Erp, pending.GetProperty("id").GetGuid());
        var ready = (await store.SalesOrdersAsync()).Where(o => o.GetProperty("statusLabel").GetString() == "Pronto para faturar")
            .Select(o => o.GetProperty("id").GetGuid()).ToList();

        var clock = Stopwatch.StartNew();
        var response = await store.Erp.PostAsJsonAsync("api/invoicing/batches", new { salesOrderIds = ready });
        var batchId = (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var issuedIn = clock.Elapsed;
        var settled = await Eventually.ReturnsAsync(() => store.Erp.GetFromJsonAsync<JsonElement>($"api/invoicing/batches/{batchId}"),
            b => b.GetProperty("nfes").EnumerateArray().All(n => n.GetProperty("status").GetString() is "Authorized" or "Rejected" or "Denied"),
            TimeSpan.FromMinutes(15), "the batch settled");
        var authorizedIn = clock.Elapsed;
        var authorized = settled.GetProperty("nfes").EnumerateArray().Count(n => n.GetProperty("status").GetString() == "Authorized");
        await Eventually.ReturnsAsync(() => store.Erp.GetFromJsonAsync<JsonElement>($"api/tray/invoices?storeId={store.StoreId}"),
            list => list.GetProperty("items").EnumerateArray().Count(Sent) >= authorized, TimeSpan.FromMinutes(15), "the invoices on Tray");
        var onTrayIn = clock.Elapsed;
        return new BenchResult("NF-e batch (notes/min)", ready.Count, new Dictionary<string, double>
        {
            ["authorized"] = authorized, ["storedSeconds"] = issuedIn.TotalSeconds,
            ["toAuthorization"] = authorized / authorizedIn.TotalMinutes, ["toTray"] = authorized / onTrayIn.TotalMinutes,
        });
    }

    private static bool Sent(JsonElement delivery) =>
        delivery.GetProperty("state") is var state && (state.ValueKind == JsonValueKind.String ? state.GetString() == "Enviada" : state.GetInt32() == 1);
}
