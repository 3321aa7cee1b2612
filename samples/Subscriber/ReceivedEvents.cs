using Npgsql;

namespace TrayBridge.Samples.Subscriber;

/// <summary>The events handled, one row per MessageId (the de-duplication), and how many arrivals were repeats.</summary>
public sealed class ReceivedEvents(NpgsqlDataSource dataSource) : IHostedService
{
    public sealed record Received(Guid MessageId, string Type, string TenantId, DateTimeOffset ReceivedAt);

    public sealed record Page(IReadOnlyList<Received> Items, long Repeats);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            create table if not exists sample_received_events (message_id uuid primary key, type text not null, tenant_id text not null,
                received_at timestamptz not null default now());
            create table if not exists sample_repeats (message_id uuid not null, arrived_at timestamptz not null default now());
            """);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>True the first time a MessageId is seen; false (and counted as a repeat) after.</summary>
    public async Task<bool> RecordAsync(Guid messageId, string type, string tenantId, CancellationToken cancellationToken)
    {
        await using var insert = dataSource.CreateCommand(
            "insert into sample_received_events (message_id, type, tenant_id) values ($1, $2, $3) on conflict (message_id) do nothing");
        insert.Parameters.Add(new() { Value = messageId });
        insert.Parameters.Add(new() { Value = type });
        insert.Parameters.Add(new() { Value = tenantId });
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1) return true;
        await using var repeat = dataSource.CreateCommand("insert into sample_repeats (message_id) values ($1)");
        repeat.Parameters.Add(new() { Value = messageId });
        await repeat.ExecuteNonQueryAsync(cancellationToken);
        return false;
    }

    public async Task<Page> ListAsync(string tenantId, int limit, CancellationToken cancellationToken)
    {
        var items = new List<Received>();
        await using (var select = dataSource.CreateCommand(
            "select message_id, type, tenant_id, received_at from sample_received_events where tenant_id = $1 order by received_at, message_id limit $2"))
        {
            select.Parameters.Add(new() { Value = tenantId });
            select.Parameters.Add(new() { Value = limit });
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                items.Add(new(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }
        await using var repeats = dataSource.CreateCommand(
            "select count(*) from sample_repeats r join sample_received_events e using (message_id) where e.tenant_id = $1");
        repeats.Parameters.Add(new() { Value = tenantId });
        return new(items, (long)(await repeats.ExecuteScalarAsync(cancellationToken))!);
    }
}

public static class ReceivedEventsApi
{
    /// <summary><c>GET /received?tenantId=…&amp;limit=…</c>: what this subscriber handled for a tenant (at most 5,000).</summary>
    public static void MapReceivedEvents(this WebApplication app) =>
        app.MapGet("/received", async (string tenantId, int? limit, ReceivedEvents received, CancellationToken cancellationToken) =>
            TypedResults.Ok(await received.ListAsync(tenantId, Math.Clamp(limit ?? 1000, 1, 5000), cancellationToken)));
}
