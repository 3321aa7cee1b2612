using Npgsql;
using TrayBridge.TestSupport;
using TrayBridge.TrayConnector.Extensions;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>The connector sweeps its own tables by itself, at their default ages: processed webhook notifications and idle
/// ignored counters (30 days), registration log lines (90 days), daily Tray call counters (30 days), store activity lines
/// (30 days, issue 15). A notification still waiting stays however old, and so does a counter something still adds to.</summary>
public sealed class RetentionTests : IAsyncDisposable
{
    private static readonly string Schema = Extensions.Extensions.Store.Schema;
    private ConnectorHarness? _harness;

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null) await _harness.DisposeAsync();
    }

    [Fact]
    public async Task The_connector_drops_old_processed_notifications_log_lines_and_call_counters_and_keeps_waiting_notifications()
    {
        _harness = await ConnectorHarness.StartAsync(extraSettings: new Dictionary<string, string?> { ["Retention:Interval"] = "00:00:01" });
        await ExecuteAsync($"""
            insert into {Schema}.webhook_inbox (id, api_host, seller_id, scope_name, scope_id, act, tenant_id, status, reason,
                                                first_received_at, last_received_at, processed_at)
            select gen_random_uuid(), 'api.example', '391250', 'order', label, 'update', 'tenant-r', status, null,
                   now() - first_age, now() - last_age, now() - processed_age
            from (values ('pending-60-days', 'pending', interval '60 days', interval '60 days', null::interval),
                         ('processed-40-days', 'processed', interval '41 days', interval '41 days', interval '40 days'),
                         ('processed-1-day', 'processed', interval '2 days', interval '2 days', interval '1 day'),
                         ('ignored-idle-40-days', 'ignored', interval '60 days', interval '40 days', null),
                         ('ignored-counting', 'ignored', interval '60 days', interval '1 day', null)) as v(label, status, first_age, last_age, processed_age);
            insert into {Schema}.store_registration_log (id, tenant_id, user_sub, action, tray_store_id, api_host, outcome, at)
            values (gen_random_uuid(), 'tenant-r', 'log-100-days', 'register', '391250', 'api.example', 'registered', now() - interval '100 days'),
                   (gen_random_uuid(), 'tenant-r', 'log-10-days', 'register', '391250', 'api.example', 'registered', now() - interval '10 days');
            insert into {Schema}.store_activity (id, tenant_id, store_id, at, last_at, kind, result, reason)
            values (gen_random_uuid(), 'tenant-r', '391250', now() - interval '31 days', now() - interval '31 days', 'product_export', 'ok', 'activity-31-days'),
                   (gen_random_uuid(), 'tenant-r', '391250', now() - interval '29 days', now() - interval '29 days', 'product_export', 'ok', 'activity-29-days');
            insert into {Schema}.tray_daily_use (api_host, store_id, day, used)
            values ('api.example', 'use-40-days', (now() at time zone 'UTC')::date - 40, 9000),
                   ('api.example', 'use-today', (now() at time zone 'UTC')::date, 12);
            """);

        // One sweep goes through every rule in turn: all three tables are read together.
        var left = await Eventually.ReturnsAsync(async () => string.Join(", ", [
                .. await TextsAsync($"select scope_id from {Schema}.webhook_inbox order by 1"),
                .. await TextsAsync($"select user_sub from {Schema}.store_registration_log"),
                .. await TextsAsync($"select store_id from {Schema}.tray_daily_use"),
                .. await TextsAsync($"select reason from {Schema}.store_activity where tenant_id = 'tenant-r'")]),
            left => !left.Contains("-40-days") && !left.Contains("-100-days") && !left.Contains("-31-days"), TimeSpan.FromSeconds(30), "the old rows to go");
        Assert.Equal("ignored-counting, pending-60-days, processed-1-day, log-10-days, use-today, activity-29-days", left);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_harness!.Infrastructure.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<string>> TextsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_harness!.Infrastructure.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var texts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) texts.Add(reader.GetString(0));
        return texts;
    }
}
