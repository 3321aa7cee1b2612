using System.Text.Json;
using Marten;
using Npgsql;
using TrayBridge.ServiceDefaults.Persistence;

namespace TrayBridge.ServiceDefaults.DueWork;

/// <summary>Schedules due work inside a Marten session, so it commits (or not) together with the state change that needs it.
/// <paramref name="partitionKey"/> is what the runner shares its slots fairly among inside a tenant (the store, for the
/// connector; the tenant when null). Items with the same <paramref name="orderingKey"/> run one at a time, in the order
/// they were scheduled (a product's versions, an order's invoice before its status).</summary>
public sealed class DueWorkScheduler(ServiceStore store, TimeProvider time)
{
    public Guid Schedule(IDocumentSession session, string kind, object payload, DateTimeOffset dueAt,
        string? partitionKey = null, string? orderingKey = null)
    {
        var id = Guid.CreateVersion7();
        session.QueueSqlCommand(
            $"""
            insert into {store.Schema}.due_work (id, tenant_id, kind, payload, next_attempt_at, created_at, partition_key, ordering_key, trace_parent)
            values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
            """,
            id, session.TenantId, kind, JsonSerializer.Serialize(payload, JsonSerializerOptions.Web),
            dueAt.ToUniversalTime(), time.GetUtcNow(), (object?)partitionKey ?? DBNull.Value, (object?)orderingKey ?? DBNull.Value,
            (object?)DueWorkTelemetry.TraceParentToKeep() ?? DBNull.Value);
        return id;
    }

    /// <summary>The same, inside a plain Npgsql transaction, for a write that is not Marten's (the connector's webhook
    /// inbox keeps a notification and makes its re-read due in one transaction).</summary>
    public async Task<Guid> ScheduleAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, string kind,
        object payload, DateTimeOffset dueAt, CancellationToken cancellationToken, string? partitionKey = null, string? orderingKey = null)
    {
        var id = Guid.CreateVersion7();
        await using var command = new NpgsqlCommand(
            $"""
            insert into {store.Schema}.due_work (id, tenant_id, kind, payload, next_attempt_at, created_at, partition_key, ordering_key)
            values ($1, $2, $3, $4::jsonb, $5, $6, $7, $8)
            """, connection, transaction);
        object[] values = [id, tenantId, kind, JsonSerializer.Serialize(payload, JsonSerializerOptions.Web), dueAt.ToUniversalTime(),
            time.GetUtcNow(), (object?)partitionKey ?? DBNull.Value, (object?)orderingKey ?? DBNull.Value];
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return id;
    }
}
