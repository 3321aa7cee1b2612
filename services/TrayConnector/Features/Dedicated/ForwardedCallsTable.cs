using System.Text.Json;
using Marten;
using Npgsql;
using Weasel.Postgresql.Tables;

namespace TrayBridge.TrayConnector.Features.Dedicated;

/// <summary>Answers of forwarded calls, each waiting for the request that queued it (which takes and deletes it). An answer
/// nobody took (the request gave up just as it came) goes after <c>Retention:ForwardedCalls</c> (1 day).</summary>
public static class ForwardedCallsTable
{
    public const string Name = "forwarded_calls";
    private const string Table = $"{DedicatedStoresTable.Schema}.{Name}";

    public static StoreOptions AddForwardedCallsTable(this StoreOptions options)
    {
        var table = new Table(Table);
        table.AddColumn<Guid>("id").AsPrimaryKey();
        table.AddColumn<string>("tenant_id").NotNull();
        table.AddColumn("answer", "jsonb").NotNull();
        table.AddColumn("answered_at", "timestamptz").NotNull();
        options.Storage.ExtendedSchemaObjects.Add(table);
        return options;
    }

    public static async Task AnswerAsync(NpgsqlDataSource dataSource, Guid id, string tenantId, ForwardedAnswer answer, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"insert into {Table} (id, tenant_id, answer, answered_at) values ($1, $2, $3::jsonb, $4) on conflict (id) do nothing");
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = tenantId });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(answer, JsonSerializerOptions.Web) });
        command.Parameters.Add(new() { Value = now });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<ForwardedAnswer?> TakeAsync(NpgsqlDataSource dataSource, Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"delete from {Table} where id = $1 returning answer::text");
        command.Parameters.Add(new() { Value = id });
        return await command.ExecuteScalarAsync(cancellationToken) is string json
            ? JsonSerializer.Deserialize<ForwardedAnswer>(json, JsonSerializerOptions.Web)
            : null;
    }

    /// <summary>The request stopped waiting: a call its connector has not taken yet is closed, so a connector that comes back
    /// later does not call Tray for nobody. It stays visible in due work, failed with the reason.</summary>
    public static async Task WithdrawAsync(NpgsqlDataSource dataSource, Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            update {DedicatedStoresTable.Schema}.due_work set status = 'failed', finished_at = $2,
                last_error = 'nobody waits for it any more: the store''s connector did not take it in time'
            where id = $1 and status = 'pending' and (leased_until is null or leased_until <= $2)
            """);
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = now });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
