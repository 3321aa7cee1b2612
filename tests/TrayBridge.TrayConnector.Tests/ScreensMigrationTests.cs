using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using TrayBridge.TestSupport;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>Issue 12 §6's list columns on a database of the version before them: a store's mirror in the old shape (the
/// documents only, no list columns, no list index) and a connector of this version started on it with a command timeout
/// of one second. It starts (each statement of the fill is bounded, the indexes are built concurrently) and the list
/// behind the panel is right: every order counted, the customer search and the situation cards on the new columns.</summary>
public sealed class ScreensMigrationTests
{
    private const string Tenant = "tenant-screens-migration", Store = "710777";
    /// <summary>Enough rows that Marten's own migration (one command: eight whole-table updates, nine index builds) takes well
    /// over the second, as it takes minutes at 100,000 orders: the version before this one's host never starts here.</summary>
    private const int Copies = 30_000;
    private static readonly string[] ListColumns = ["store_id", "tray_order_id", "situation", "placed_day", "customer_search", "status", "status_id", "origin"];
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_mirror_in_the_old_shape_migrates_under_a_one_second_command_timeout_and_lists_right()
    {
        await using var harness = await ConnectorHarness.StartAsync(extraSettings: new Dictionary<string, string?> { ["Tray:Orders:PollInterval"] = "01:00:00" });
        await harness.ConnectAsync(Tenant, Store, products: 1, orders: 2);
        using (var client = harness.Client(Tenant))
            await Eventually.ReturnsAsync(() => client.GetFromJsonAsync<JsonElement>($"api/tray/orders?storeId={Store}", Cancel),
                page => page.GetProperty("total").GetInt32() == 2 && page.GetProperty("items").EnumerateArray().All(i => i.GetProperty("complete").GetBoolean()),
                TimeSpan.FromSeconds(60), "the two orders mirrored");

        // The old shape: the list columns (and with them their indexes) gone, copies of a real document added without them.
        await using (var db = new NpgsqlConnection(harness.Infrastructure.PostgresConnectionString))
        {
            await db.OpenAsync(Cancel);
            await ExecuteAsync(db, $"alter table tray_connector.mt_doc_mirroredorder {string.Join(", ", ListColumns.Select(c => $"drop column {c} cascade"))}");
            await ExecuteAsync(db, $"""
                insert into tray_connector.mt_doc_mirroredorder (tenant_id, id, data, mt_last_modified, mt_version, mt_dotnet_type)
                select d.tenant_id, '{Store}:' || (900000 + i), d.data || jsonb_build_object('Id', '{Store}:' || (900000 + i), 'TrayOrderId', 900000 + i,
                        'CustomerName', case when i % 50 = 0 then 'João Conceição' else 'Maria Silva' end,
                        'CustomerSearch', case when i % 50 = 0 then 'joao conceicao' else 'maria silva' end),
                    now(), gen_random_uuid(), d.mt_dotnet_type
                from (select * from tray_connector.mt_doc_mirroredorder where tenant_id = '{Tenant}' limit 1) d, generate_series(1, {Copies}) i
                """);
        }

        var builder = new NpgsqlConnectionStringBuilder(harness.Infrastructure.PostgresConnectionString) { CommandTimeout = 1 };
        var upgraded = await harness.StartReplicaAsync(new Dictionary<string, string> { ["ConnectionStrings__postgres"] = builder.ConnectionString });

        using var erp = harness.Client(Tenant, upgraded.BaseAddress);
        var all = await erp.GetFromJsonAsync<JsonElement>($"api/tray/orders?storeId={Store}&pageSize=50", Cancel);
        Assert.Equal(Copies + 2, all.GetProperty("total").GetInt32());
        Assert.Equal(Copies + 2, all.GetProperty("situations").EnumerateObject().Sum(s => s.Value.GetInt32()));
        Assert.Equal(50, all.GetProperty("items").GetArrayLength());
        var joao = await erp.GetFromJsonAsync<JsonElement>($"api/tray/orders?storeId={Store}&customer={Uri.EscapeDataString("JOÃO conceição")}", Cancel);
        Assert.Equal(Copies / 50, joao.GetProperty("total").GetInt32());
        Assert.All(joao.GetProperty("items").EnumerateArray(), i => Assert.Equal("João Conceição", i.GetProperty("customer").GetString()));

        await using var check = new NpgsqlConnection(harness.Infrastructure.PostgresConnectionString);
        await check.OpenAsync(Cancel);
        Assert.Equal(0L, await ScalarAsync(check, "select count(*) from tray_connector.mt_doc_mirroredorder where store_id is null or customer_search is null"));
        Assert.Equal(1L, await ScalarAsync(check, "select count(*) from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname = 'mirrored_order_list' and i.indisvalid"));
        Assert.Equal(0L, await ScalarAsync(check, "select count(*) from tray_connector.mt_column_backfill"));
    }

    private static async Task ExecuteAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db) { CommandTimeout = 120 };
        await command.ExecuteNonQueryAsync(Cancel);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Cancel), System.Globalization.CultureInfo.InvariantCulture);
    }
}
