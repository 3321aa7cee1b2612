using Npgsql;

namespace TrayBridge.IntegrationTests;

/// <summary>Issue 12 §6, screens at scale: the lists behind the panel count and page inside an index of their own, never
/// reading the documents (a store's 100,000 orders would otherwise be read for every count). A few thousand rows of a
/// tenant of this test's own, in the columns the services fill, and the planner's choice for the lists' queries; the
/// figures at full scale are the benchmark's (<c>tools/TrayBridge.Bench/ScreensAtScale.cs</c>).</summary>
[Collection(nameof(SharedSystem))]
public sealed class ListIndexTests(SystemFixture fixture)
{
    private const string Tenant = "tenant-list-index", Store = "880001", Rows = "3000";
    private const string Fold = "'ÁÀÂÃÄÅáàâãäåÉÈÊËéèêëÍÌÎÏíìîïÓÒÔÕÖóòôõöÚÙÛÜúùûüÇçÑñÝýÿ', 'AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOoooooUUUUuuuuCcNnYyy'";
    /// <summary>About 1.6 KB that does not compress away, as a real document's items and last read: with tiny documents a
    /// table of a few thousand rows is cheaper to read whole, and the planner rightly does.</summary>
    private const string Padding = "(select string_agg(md5(i::text || g::text), ' ') from generate_series(1, 50) g)";
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_Tray_order_list_counts_and_searches_customers_inside_its_index()
    {
        await using var db = await OpenAsync();
        await ExecuteAsync(db, $"""
            insert into tray_connector.mt_doc_mirroredorder (tenant_id, id, data, mt_last_modified, mt_version, mt_dotnet_type,
                store_id, tray_order_id, situation, placed_day, customer_search, status, status_id, origin)
            select '{Tenant}', '{Store}:' || i, jsonb_build_object('Id', '{Store}:' || i, 'StoreId', '{Store}', 'TrayOrderId', i, 'LastRead', {Padding}),
                now(), gen_random_uuid(), 'TrayBridge.TrayConnector.Domain.MirroredOrder',
                '{Store}', i, i % 5, 20260101 + i % 28, case when i % 50 = 0 then 'joao conceicao' else 'maria silva' end, 'A ENVIAR', '16', 'LOJA VIRTUAL'
            from generate_series(1, {Rows}) i on conflict do nothing
            """);
        await ExecuteAsync(db, "vacuum analyze tray_connector.mt_doc_mirroredorder");
        var where = $"d.tenant_id = '{Tenant}' and d.store_id = '{Store}'";

        // As ListOrders asks them: the total under a filter, a page of ids in Tray's order, the situation cards.
        foreach (var query in new[]
        {
            $"select count(*) from tray_connector.mt_doc_mirroredorder d where {where} and d.customer_search like '%conceicao%'",
            $"select d.id from tray_connector.mt_doc_mirroredorder d where {where} and d.status ilike 'a enviar' order by d.tray_order_id desc limit 50 offset 1000",
            $"select situation, count(*) from tray_connector.mt_doc_mirroredorder d where {where} group by situation",
        })
            Assert.Matches("Index Only Scan (Backward )?using mirrored_order_list", await PlanAsync(db, query));
    }

    [Fact]
    public async Task The_sales_order_list_counts_each_situation_inside_its_index()
    {
        await using var db = await OpenAsync();
        await ExecuteAsync(db, $"""
            insert into orders.mt_doc_salesorder (tenant_id, id, data, mt_last_modified, mt_version, mt_dotnet_type,
                store_id, status, customer_name)
            select '{Tenant}', md5('{Tenant}' || i)::uuid, jsonb_build_object('Id', md5('{Tenant}' || i)::uuid, 'StoreId', '{Store}', 'Items', {Padding},
                    'PlacedAt', timestamptz '2026-01-01' + i * interval '1 hour'),
                now(), gen_random_uuid(), 'TrayBridge.Orders.Domain.SalesOrder',
                '{Store}', i % 5, case when i % 50 = 0 then 'João Conceição' else 'Maria Silva' end
            from generate_series(1, {Rows}) i on conflict do nothing
            """);
        await ExecuteAsync(db, "vacuum analyze orders.mt_doc_salesorder");

        // A card's count as ListSalesOrders asks it: a store, a customer's name folded in SQL, one status.
        var plan = await PlanAsync(db, $"select count(*) from orders.mt_doc_salesorder d where d.tenant_id = '{Tenant}' and d.store_id = '{Store}'"
            + $" and lower(translate(d.customer_name, {Fold})) like '%conceicao%' and d.status = 4");
        Assert.Matches("Index Only Scan (Backward )?using sales_order_list", plan);
    }

    [Fact]
    public async Task Notes_are_counted_on_columns_and_sorted_by_an_index_not_on_their_documents()
    {
        await using var db = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "select string_agg(column_name, ',' order by column_name) from information_schema.columns where table_schema = 'invoicing' and table_name = 'mt_doc_nferecord'"
            + " and column_name in ('number', 'issued_at', 'status')", db);
        Assert.Equal("number,status", await command.ExecuteScalarAsync(Cancel));
        await using var index = new NpgsqlCommand("select count(*) from pg_indexes where schemaname = 'invoicing' and indexname = 'nfe_record_list'", db);
        Assert.Equal(1L, await index.ExecuteScalarAsync(Cancel));
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(fixture.System.Infrastructure.PostgresConnectionString);
        await connection.OpenAsync(Cancel);
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync(Cancel);
    }

    /// <summary>EXPLAIN's text, one line per node: "Index Only Scan using … on …".</summary>
    private static async Task<string> PlanAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand("explain " + sql, db);
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        var lines = new List<string>();
        while (await reader.ReadAsync(Cancel)) lines.Add(reader.GetString(0));
        return string.Join("\n", lines);
    }
}
