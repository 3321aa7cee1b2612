using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using TrayBridge.TestSupport;

namespace TrayBridge.Bench;

/// <summary>Screens at scale (issue 12 §6): one tenant with 100,000 mirrored Tray orders (75,000 of them sales orders,
/// 60,000 invoiced with a note) and 20,000 products, and ten other tenants alike, and the list endpoints behind the panel
/// timed through the gateway, as the panel calls them (<c>quick</c>: 2,000 orders, 400 products, two other tenants). One real document of each kind is made through the API first; the rest are copies of its row with
/// the fields a list filters or sorts on varied, inserted straight into the services' tables.</summary>
public static class ScreensAtScale
{
    private const string MainTenant = "tenant-screens", StoreId = "710001"; // the pipeline scenario has 700001 on the same simulator

    public static async Task<IReadOnlyList<BenchFigure>> RunAsync(BenchContext context, bool quick, CancellationToken ct)
    {
        var scale = quick ? new Scale(Orders: 2_000, Products: 400, OtherTenants: 2, Samples: 10) : new Scale(100_000, 20_000, 10, 40);
        context.Info($"Screens at scale: templates through the API (tenant {MainTenant}, store {StoreId})…");
        await MakeTemplatesAsync(context, ct);

        context.Info($"Seeding {scale.OtherTenants + 1} tenants × {scale.Orders:N0} orders, {scale.Products:N0} products…");
        var clock = Stopwatch.StartNew();
        var rows = await SeedAsync(context, scale, ct);
        var seeded = clock.Elapsed;
        var figures = new List<BenchFigure>
        {
            new("screens: seeding", seeded.TotalSeconds, "s", new Dictionary<string, double>
            {
                ["tenants"] = scale.OtherTenants + 1, ["ordersPerTenant"] = scale.Orders, ["productsPerTenant"] = scale.Products, ["rows"] = rows,
            }),
        };

        using var erp = context.ErpClient(MainTenant);
        foreach (var (name, url) in Lists(scale))
        {
            var latencies = new List<double>();
            var total = 0;
            for (var sample = -2; sample < scale.Samples; sample++) // two warm-ups, as a screen a user opens again
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await erp.GetAsync(url, ct);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                total = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("total").GetInt32();
                if (sample >= 0) latencies.Add(elapsed);
            }
            latencies.Sort();
            var figure = new BenchFigure($"screens: {name}", StockSyncLatency.Percentile(latencies, 0.95), "ms p95", new Dictionary<string, double>
            {
                ["p50"] = StockSyncLatency.Percentile(latencies, 0.50), ["p95"] = StockSyncLatency.Percentile(latencies, 0.95),
                ["max"] = latencies[^1], ["total"] = total, ["samples"] = latencies.Count,
            });
            context.Info(figure.ToString());
            figures.Add(figure);
        }
        figures.Add(await PageBoundsAsync(erp, ct));
        return figures;
    }

    private sealed record Scale(int Orders, int Products, int OtherTenants, int Samples);

    /// <summary>The lists behind the panel, each filter of the order list among them, as the screens call them (first page of
    /// 50, the default; one deep page).</summary>
    private static IEnumerable<(string Name, string Url)> Lists(Scale scale)
    {
        var orders = $"api/tray/orders?storeId={StoreId}";
        yield return ("Tray orders", orders);
        yield return ("Tray orders, middle page", $"{orders}&page={scale.Orders / 100}");
        yield return ("Tray orders, customer (accents)", $"{orders}&customer={Uri.EscapeDataString("CONCEIÇÃO")}");
        yield return ("Tray orders, customer (unaccented)", $"{orders}&customer={Uri.EscapeDataString("joao conceicao")}");
        yield return ("Tray orders, status text", $"{orders}&status=ENVIADO");
        yield return ("Tray orders, status id", $"{orders}&status=3");
        yield return ("Tray orders, month", $"{orders}&from=2026-03-01&to=2026-03-31");
        yield return ("Tray orders, situation", $"{orders}&situation=Erro");
        yield return ("Tray orders, origin", $"{orders}&origin={Uri.EscapeDataString("Mercado Livre")}");
        var products = $"api/catalog/products?storeId={StoreId}";
        yield return ("products + situation counts", products);
        yield return ("products, description", $"{products}&description={Uri.EscapeDataString("camiseta básica")}");
        yield return ("products, situation", $"{products}&situation=Desatualizado");
        yield return ("products, search SKU", $"{products}&search=SKU-0001");
        var sales = "api/orders/sales-orders";
        yield return ("sales orders", sales);
        yield return ("sales orders, store", $"{sales}?storeId={StoreId}");
        yield return ("sales orders, customer", $"{sales}?storeId={StoreId}&customer={Uri.EscapeDataString("Conceição")}");
        yield return ("sales orders, situation", $"{sales}?storeId={StoreId}&situation=ready");
        yield return ("sales orders, month", $"{sales}?storeId={StoreId}&from=2026-03-01&to=2026-03-31");
        var notes = "api/invoicing/nfes";
        yield return ("notes", notes);
        yield return ("notes, situation", $"{notes}?situation=Autorizada");
        yield return ("notes, month", $"{notes}?from=2026-03-01&to=2026-03-31");
        yield return ("notes, number", $"{notes}?number=1500");
    }

    /// <summary>Every list is paged with a bounded page: a page size above each one's bound is a 400, never a whole table.</summary>
    private static async Task<BenchFigure> PageBoundsAsync(HttpClient erp, CancellationToken ct)
    {
        string[] urls = [$"api/tray/orders?storeId={StoreId}&pageSize=1000", $"api/catalog/products?storeId={StoreId}&pageSize=1000",
            "api/orders/sales-orders?pageSize=1000", "api/invoicing/nfes?pageSize=1000"];
        var bounded = 0;
        foreach (var url in urls)
            if ((await erp.GetAsync(url, ct)).StatusCode == System.Net.HttpStatusCode.BadRequest) bounded++;
            else throw new InvalidOperationException($"{url} answered a page of 1,000 rows: every list must bound its page.");
        return new BenchFigure("screens: lists with a bounded page", bounded, "lists", new Dictionary<string, double> { ["checked"] = urls.Length });
    }

    /// <summary>Copies of the template rows, straight into the services' tables, one transaction per tenant (the main tenant
    /// first; the others on stores of their own), Marten's columns kept right: each duplicated column filled from the
    /// document as Marten's own upsert fills it, a new version, the document type. Then VACUUM ANALYZE, as autovacuum
    /// would after a bulk load, so plans and index-only scans see the tables as they would live.</summary>
    private static async Task<long> SeedAsync(BenchContext context, Scale scale, CancellationToken ct)
    {
        var script = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Screens", "seed.sql"), ct);
        var blocks = script.Split("-- table: ");
        await using var connection = new NpgsqlConnection(context.PostgresConnectionString);
        await connection.OpenAsync(ct);
        long rows = 0;
        var tables = new Dictionary<string, string>();
        for (var tenant = 0; tenant <= scale.OtherTenants; tenant++)
        {
            string Fill(string sql) => sql.Replace("{tenant}", tenant == 0 ? MainTenant : $"{MainTenant}-{tenant:00}")
                .Replace("{template_tenant}", MainTenant).Replace("{store}", (long.Parse(StoreId) + tenant).ToString())
                .Replace("{n}", scale.Orders.ToString()).Replace("{p}", scale.Products.ToString());
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await Execute(connection, Fill(blocks[0]), ct);
            foreach (var block in blocks.Skip(1))
            {
                var table = block[..block.IndexOf('\n')].Trim();
                tables[table] = table;
                var select = Fill(block[(block.IndexOf('\n') + 1)..]).Trim().TrimEnd(';');
                rows += await Execute(connection, await InsertAsync(connection, table, select, ct), ct);
            }
            await transaction.CommitAsync(ct);
            context.Info($"  tenant {tenant}: {rows:N0} rows so far");
        }
        foreach (var table in tables.Keys) await Execute(connection, $"vacuum analyze {table}", ct);
        return rows;
    }

    /// <summary>The insert of <paramref name="select"/>'s (tenant_id, id, data, mt_dotnet_type) with the table's other columns:
    /// Marten's metadata, and each duplicated field taken from the document (the column named after the member's path).</summary>
    private static async Task<string> InsertAsync(NpgsqlConnection connection, string table, string select, CancellationToken ct)
    {
        var columns = new List<(string Name, string Type)>();
        await using (var command = new NpgsqlCommand(
            "select column_name, data_type from information_schema.columns where table_schema || '.' || table_name = $1 order by ordinal_position", connection))
        {
            command.Parameters.AddWithValue(table);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) columns.Add((reader.GetString(0), reader.GetString(1)));
        }
        var values = columns.Select(c => c.Name switch
        {
            "tenant_id" or "id" or "data" or "mt_dotnet_type" => c.Name,
            "mt_last_modified" => "now()",
            "mt_version" => "gen_random_uuid()",
            _ when c.Name.StartsWith("mt_", StringComparison.Ordinal) => throw new InvalidOperationException($"{table}.{c.Name}: a Marten column the seed does not know."),
            _ => $"({JsonPath(c.Name)})::{(c.Type == "character varying" ? "varchar" : c.Type)}",
        });
        return $"insert into {table} ({string.Join(", ", columns.Select(c => c.Name))}) select {string.Join(", ", values)} from ({select}) s";
    }

    /// <summary>A duplicated column's member path in the document: store_id → StoreId, customer_name → Customer.Name (the
    /// only nested one duplicated).</summary>
    private static string JsonPath(string column) => column switch
    {
        "customer_name" => "data->'Customer'->>'Name'",
        _ => $"data->>'{string.Concat(column.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..]))}'",
    };

    private static async Task<int> Execute(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 1800 };
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A store with a few orders, imported, invoiced, and a product exported: one real row of each kind to copy.</summary>
    private static async Task MakeTemplatesAsync(BenchContext context, CancellationToken ct)
    {
        await using var store = await BenchStore.ConnectAsync(context.System, MainTenant, StoreId, products: 3, orders: 6);
        var live = (await store.MirrorAsync()).Where(r => !r.GetProperty("cancelled").GetBoolean())
            .Select(r => r.GetProperty("trayOrderId").GetString()!).ToArray();
        (await store.Erp.PostAsJsonAsync("api/tray/orders/import", new { storeId = StoreId, trayOrderIds = live }, ct)).EnsureSuccessStatusCode();
        var orders = await Eventually.ReturnsAsync(store.SalesOrdersAsync, o => o.Count >= live.Length, TimeSpan.FromMinutes(15), "the template sales orders");

        await InvoicingSteps.ConfigureEmitterAsync(store.Erp, InvoicingSteps.NewCnpj());
        foreach (var pending in orders.Where(InvoicingSteps.LacksOnlyNcm))
            await InvoicingSteps.CompleteNcmsAsync(store.Erp, pending.GetProperty("id").GetGuid());
        var ready = (await store.SalesOrdersAsync()).Where(o => o.GetProperty("situation").GetString() == "ready")
            .Select(o => o.GetProperty("id").GetGuid()).ToArray();
        var batch = await (await store.Erp.PostAsJsonAsync("api/invoicing/batches", new { salesOrderIds = ready }, ct))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(ct);
        await Eventually.ReturnsAsync(() => store.Erp.GetFromJsonAsync<JsonElement>($"api/invoicing/batches/{batch.GetProperty("id").GetGuid()}", ct),
            b => b.GetProperty("done").GetBoolean(), TimeSpan.FromMinutes(15), "the template notes");

        var created = await (await store.Erp.PostAsJsonAsync("api/catalog/products", new { sku = "TELA-0001", name = "Camiseta Básica Algodão", price = 59.90m, stock = 10 }, ct))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(ct);
        var export = await (await store.Erp.PostAsJsonAsync("api/catalog/exports", new { storeId = StoreId, productIds = new[] { created.GetProperty("id").GetGuid() } }, ct))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(ct);
        await Eventually.ReturnsAsync(() => store.Erp.GetFromJsonAsync<JsonElement>($"api/catalog/exports/{export.GetProperty("exportId").GetGuid()}", ct),
            e => e.GetProperty("exported").GetInt32() == 1, TimeSpan.FromMinutes(15), "the template product exported");
    }
}
