using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.TestSupport;

namespace TrayBridge.Bench;

/// <summary>Every store at Tray's budget at once: many stores, each its own tenant, served by two connector processes, under
/// a steady mix for a while — stock changes (one a second per store), new orders placed on Tray and imported, the stores'
/// first imports, and an NF-e batch per store halfway — on top of a catalogue export posted as the mix starts, so each store
/// has more work than its budget carries (the steady mix alone asks for about 75 calls a minute of the 180: without the
/// backlog the figure would measure the load generator, not how much of the budget the connectors use). Per store: calls Tray
/// admitted in that time ÷ calls its budget allowed (min and median over stores), and Tray's 429 answers (the simulator's
/// counters: every call is logged, admitted or not).</summary>
public static class BudgetUse
{
    public static async Task<(IReadOnlyList<BenchFigure> Figures, IReadOnlyList<(string Store, double Share)> Shares)> MeasureAsync(
        BenchContext context, int stores, TimeSpan duration, TimeSpan window, int perWindow, CancellationToken ct)
    {
        context.Info($"Budget use: {stores} stores, 2 connector processes, {duration.TotalSeconds:0} s of steady work…");
        await context.System.StartConnectorReplicaAsync();
        var mix = new List<MixStore>();
        // Set up a few at a time: twenty registrations and mirrors at once would measure the setup, not the mix.
        foreach (var batch in Enumerable.Range(1, stores).Chunk(5))
            mix.AddRange(await Task.WhenAll(batch.Select(i => MixStore.SetUpAsync(context, i))));

        var before = await Task.WhenAll(mix.Select(s => s.CountersAsync()));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var until = DateTimeOffset.UtcNow + duration;
        var drivers = mix.Select((s, i) => s.DriveAsync(until, duration, stagger: TimeSpan.FromMilliseconds(1000.0 * i / mix.Count), ct)).ToList();
        await Task.WhenAll(drivers);
        var after = await Task.WhenAll(mix.Select(s => s.CountersAsync()));
        // Between the two readings, which the last driver's step makes a little longer than the mix itself.
        var elapsed = clock.Elapsed;
        var allowed = perWindow * elapsed / window;
        var shares = mix.Select((s, i) => (s.Store.StoreId, Share: (after[i].Admitted - before[i].Admitted) / allowed)).ToList();
        var sorted = shares.Select(s => s.Share).Order().ToList();
        var rejected = after.Zip(before, (a, b) => a.Rejected - b.Rejected).Sum();
        var details = new Dictionary<string, double>
        {
            ["stores"] = stores, ["connectors"] = 2, ["seconds"] = elapsed.TotalSeconds, ["allowedPerStore"] = allowed,
            ["min"] = sorted[0], ["median"] = StockSyncLatency.Percentile(sorted, 0.5), ["max"] = sorted[^1],
            ["stockChanges"] = mix.Sum(s => s.StockChanges), ["ordersPlaced"] = mix.Sum(s => s.OrdersPlaced),
            ["notesRequested"] = mix.Sum(s => s.NotesRequested), ["driverErrors"] = mix.Sum(s => s.Errors),
        };
        foreach (var store in mix) await store.DisposeAsync();
        return ([
            new BenchFigure("budget use per store, min (achieved ÷ allowed)", sorted[0], "ratio", details),
            new BenchFigure("budget use per store, median (achieved ÷ allowed)", details["median"], "ratio"),
            new BenchFigure("Tray 429 answers during the budget mix", rejected, "answers", new Dictionary<string, double> { ["stores"] = stores }),
        ], shares);
    }

    private sealed class MixStore(BenchStore store, List<Guid> products, List<Guid> backlog) : IAsyncDisposable
    {
        public BenchStore Store => store;
        public int StockChanges, OrdersPlaced, NotesRequested, Errors;
        private readonly HashSet<string> _imported = [];

        public static async Task<MixStore> SetUpAsync(BenchContext context, int index)
        {
            var quick = context.Quick;
            var store = await BenchStore.ConnectAsync(context.System, $"tenant-mix-{index:00}", $"8{index:00000}", products: 20, orders: quick ? 3 : 40);
            await InvoicingSteps.ConfigureEmitterAsync(store.Erp, InvoicingSteps.NewCnpj());
            var ids = new List<Guid>();
            for (var i = 1; i <= (quick ? 2 : 10); i++)
            {
                var created = await store.Erp.PostAsJsonAsync("api/catalog/products", new { sku = $"MIX-{i:00}", name = $"Produto da mistura {i}", price = 19.90m, stock = 50 });
                ids.Add((await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
            }
            // A catalogue to export when the mix starts: about 2.3 calls a product, so 250 ask for ~575 calls, more than the
            // 3-minute mix's 540 allowed.
            var backlog = new List<Guid>();
            for (var i = 1; i <= (quick ? 10 : 250); i++)
            {
                var created = await store.Erp.PostAsJsonAsync("api/catalog/products", new { sku = $"LOTE-{i:000}", name = $"Produto do lote {i}", price = 9.90m, stock = 5 });
                backlog.Add((await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
            }
            var export = await (await store.Erp.PostAsJsonAsync("api/catalog/exports", new { storeId = store.StoreId, productIds = ids }))
                .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
            await Eventually.ReturnsAsync(() => store.Erp.GetFromJsonAsync<JsonElement>($"api/catalog/exports/{export.GetProperty("exportId").GetGuid()}"),
                e => e.GetProperty("exported").GetInt32() == ids.Count, TimeSpan.FromMinutes(10), $"store {store.StoreId}'s products exported");
            context.Info($"store {store.StoreId} ready");
            return new MixStore(store, ids, backlog);
        }

        public async Task<(int Admitted, int Rejected)> CountersAsync()
        {
            var stats = await store.Tray.GetFromJsonAsync<JsonElement>($"admin/stores/{store.StoreId}/stats");
            var rejected = stats.GetProperty("status429").GetInt32();
            return (stats.GetProperty("requests").GetInt32() - rejected, rejected);
        }

        /// <summary>One stock change a second; an order placed every 6 s and the mirrored ones imported every 15 s (the seeded
        /// ones first); the ready sales orders invoiced once, halfway.</summary>
        public async Task DriveAsync(DateTimeOffset until, TimeSpan duration, TimeSpan stagger, CancellationToken ct)
        {
            await Task.Delay(stagger, ct);
            await Try(async () => (await store.Erp.PostAsJsonAsync("api/catalog/exports", new { storeId = store.StoreId, productIds = backlog })).EnsureSuccessStatusCode());
            var start = DateTimeOffset.UtcNow;
            var (nextOrder, nextImport, invoiced) = (start, start, false);
            for (var tick = 0; DateTimeOffset.UtcNow < until; tick++)
            {
                var now = DateTimeOffset.UtcNow;
                await Try(() => ChangeStockAsync(tick));
                if (now >= nextOrder) { await Try(PlaceOrderAsync); nextOrder = now.AddSeconds(6); }
                if (now >= nextImport) { await Try(ImportMirroredAsync); nextImport = now.AddSeconds(15); }
                if (!invoiced && now >= start + duration / 2) { invoiced = true; await Try(InvoiceReadyAsync); }
                var next = start.AddSeconds(tick + 1) - DateTimeOffset.UtcNow;
                if (next > TimeSpan.Zero) await Task.Delay(next, ct);
            }
        }

        private async Task Try(Func<Task> step)
        {
            try { await step(); }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException) { Errors++; }
        }

        private async Task ChangeStockAsync(int tick)
        {
            var i = tick % products.Count;
            (await store.Erp.PutAsJsonAsync($"api/catalog/products/{products[i]}",
                new { sku = $"MIX-{i + 1:00}", name = $"Produto da mistura {i + 1}", price = 19.90m, stock = 51 + tick })).EnsureSuccessStatusCode();
            StockChanges++;
        }

        private async Task PlaceOrderAsync()
        {
            (await store.Tray.PostAsJsonAsync($"admin/stores/{store.StoreId}/orders", new { })).EnsureSuccessStatusCode();
            OrdersPlaced++;
        }

        private async Task ImportMirroredAsync()
        {
            var ids = (await store.MirrorAsync()).Where(r => !r.GetProperty("cancelled").GetBoolean() && r.GetProperty("complete").GetBoolean())
                .Select(r => r.GetProperty("trayOrderId").GetString()!).Where(id => !_imported.Contains(id)).Take(500).ToArray();
            if (ids.Length == 0) return;
            (await store.Erp.PostAsJsonAsync("api/tray/orders/import", new { storeId = store.StoreId, trayOrderIds = ids })).EnsureSuccessStatusCode();
            _imported.UnionWith(ids);
        }

        private async Task InvoiceReadyAsync()
        {
            var ready = new List<Guid>();
            foreach (var order in await store.SalesOrdersAsync())
            {
                if (InvoicingSteps.LacksOnlyNcm(order)) await InvoicingSteps.CompleteNcmsAsync(store.Erp, order.GetProperty("id").GetGuid());
                else if (order.GetProperty("statusLabel").GetString() != "Pronto para faturar") continue;
                ready.Add(order.GetProperty("id").GetGuid());
            }
            if (ready.Count == 0) return;
            (await store.Erp.PostAsJsonAsync("api/invoicing/batches", new { salesOrderIds = ready.Take(1000) })).EnsureSuccessStatusCode();
            NotesRequested += Math.Min(ready.Count, 1000);
        }

        public ValueTask DisposeAsync() => store.DisposeAsync();
    }
}
