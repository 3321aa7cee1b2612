using Microsoft.Extensions.Options;
using Npgsql;
using TrayBridge.Api.Operations;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Tray;

namespace TrayBridge.TrayConnector.Features.Operations;

/// <summary>The operation's settings of one registration: disabled (when, by whom, why) and its daily plan (null: the one
/// it was registered with).</summary>
public sealed record StoreOperation(DateTimeOffset? DisabledAt, string? DisabledBy, string? DisabledReason, int? DailyCalls)
{
    public bool Disabled => DisabledAt is not null;
}

/// <summary>Reads and changes <see cref="StoreOperationsTable"/>. Each change and its audit line commit in one transaction;
/// enabling also brings the store's parked work back at once (it would come back by itself within
/// <see cref="DisabledRecheck"/>, since parked work only re-checks).</summary>
public sealed class StoreOperations(NpgsqlDataSource dataSource, ServiceStore store, IOptions<TraySettings> options, TimeProvider time)
{
    private static readonly System.Globalization.CultureInfo PtBr = System.Globalization.CultureInfo.GetCultureInfo("pt-BR");
    private string Table => $"{store.Schema}.{StoreOperationsTable.Name}";
    private string Log => $"{store.Schema}.{StoreOperationsTable.Log}";

    /// <summary>How long a disabled store's work is parked before it looks again (<c>Tray:Operations:DisabledRecheck</c>).</summary>
    public TimeSpan DisabledRecheck => options.Value.Operations.DisabledRecheck;

    public async Task<StoreOperation?> OfAsync(string apiHost, string storeId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select disabled_at, disabled_by, disabled_reason, daily_calls from {Table} where api_host = $1 and tray_store_id = $2");
        command.Parameters.Add(new() { Value = apiHost });
        command.Parameters.Add(new() { Value = storeId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new(reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0), reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetInt32(3));
    }

    /// <summary>The operation's settings of these registrations (API host, store id), for the tenant's list of stores.</summary>
    public async Task<Dictionary<(string Host, string StoreId), StoreOperation>> OfAsync(IReadOnlyCollection<(string Host, string StoreId)> registrations,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<(string, string), StoreOperation>();
        if (registrations.Count == 0) return found;
        await using var command = dataSource.CreateCommand(
            $"""
            select o.api_host, o.tray_store_id, disabled_at, disabled_by, disabled_reason, daily_calls from {Table} o
            join unnest($1::text[], $2::text[]) as r(api_host, store_id) on r.api_host = o.api_host and r.store_id = o.tray_store_id
            """);
        command.Parameters.Add(new() { Value = registrations.Select(r => r.Host).ToArray() });
        command.Parameters.Add(new() { Value = registrations.Select(r => r.StoreId).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            found[(reader.GetString(0), reader.GetString(1))] = new(reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetInt32(5));
        return found;
    }

    /// <summary>Throws <see cref="StoreDisabledException"/> when the operation disabled this registration: before any Tray
    /// call, a token refresh included.</summary>
    public async Task<StoreOperation?> EnsureEnabledAsync(string apiHost, string storeId, CancellationToken cancellationToken)
    {
        var operation = await OfAsync(apiHost, storeId, cancellationToken);
        if (operation is { Disabled: true }) throw new StoreDisabledException(storeId, operation, time.GetUtcNow() + DisabledRecheck);
        return operation;
    }

    /// <summary>False when it was disabled already (nothing changes).</summary>
    public Task<bool> DisableAsync(string tenantId, string apiHost, string storeId, string user, string reason, CancellationToken cancellationToken) =>
        ChangeAsync(tenantId, apiHost, storeId, user, OperatorActions.Disable, $"Desativada: {reason}",
            $"""
            insert into {Table} as o (api_host, tray_store_id, disabled_at, disabled_by, disabled_reason) values ($1, $2, $3, $4, $5)
            on conflict (api_host, tray_store_id) do update set disabled_at = $3, disabled_by = $4, disabled_reason = $5 where o.disabled_at is null
            """, [time.GetUtcNow(), user, reason], resume: false, cancellationToken);

    /// <summary>False when it was not disabled. The store's work parked because of it is due again now.</summary>
    public Task<bool> EnableAsync(string tenantId, string apiHost, string storeId, string user, CancellationToken cancellationToken) =>
        ChangeAsync(tenantId, apiHost, storeId, user, OperatorActions.Enable, "Reativada",
            $"update {Table} set disabled_at = null, disabled_by = null, disabled_reason = null where api_host = $1 and tray_store_id = $2 and disabled_at is not null",
            [], resume: true, cancellationToken);

    public Task<bool> SetPlanAsync(string tenantId, string apiHost, string storeId, string user, int dailyCalls, CancellationToken cancellationToken) =>
        ChangeAsync(tenantId, apiHost, storeId, user, OperatorActions.Plan, $"Plano diário: {dailyCalls.ToString("N0", PtBr)} requisições ({TrayDailyPlans.NameOf(dailyCalls)})",
            $"""
            insert into {Table} as o (api_host, tray_store_id, daily_calls) values ($1, $2, $3)
            on conflict (api_host, tray_store_id) do update set daily_calls = $3
            """, [dailyCalls], resume: false, cancellationToken);

    private async Task<bool> ChangeAsync(string tenantId, string apiHost, string storeId, string user, string action, string description, string sql,
        object[] values, bool resume, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var change = new NpgsqlCommand(sql, connection, transaction))
        {
            foreach (var value in new object[] { apiHost, storeId }.Concat(values)) change.Parameters.Add(new() { Value = value });
            if (await change.ExecuteNonQueryAsync(cancellationToken) == 0) return false;
        }
        await using (var audit = new NpgsqlCommand(
            $"insert into {Log} (id, at, tenant_id, api_host, tray_store_id, action, user_sub, description) values ($1, $2, $3, $4, $5, $6, $7, $8)",
            connection, transaction))
        {
            foreach (var value in new object[] { Guid.CreateVersion7(), time.GetUtcNow(), tenantId, apiHost, storeId, action, user, description })
                audit.Parameters.Add(new() { Value = value });
            await audit.ExecuteNonQueryAsync(cancellationToken);
        }
        if (resume)
        {
            // Only what the disablement parked (its last_error says so): a poll scheduled for later, or a retry's backoff, keeps its time.
            await using var nudge = new NpgsqlCommand(
                $"""
                update {store.Schema}.due_work set next_attempt_at = $3 where status = 'pending' and tenant_id = $1 and partition_key = $2
                  and next_attempt_at > $3 and last_error like '{StoreDisabledException.Prefix}%'
                """, connection, transaction);
            foreach (var value in new object[] { tenantId, storeId, time.GetUtcNow() }) nudge.Parameters.Add(new() { Value = value });
            await nudge.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The latest audit line of each of these registrations.</summary>
    public async Task<List<OperatorActionEntry>> LatestOfAsync(IReadOnlyCollection<(string Host, string StoreId)> registrations, CancellationToken cancellationToken)
    {
        if (registrations.Count == 0) return [];
        await using var command = dataSource.CreateCommand(
            $"""
            select distinct on (l.api_host, l.tray_store_id) l.at, l.tenant_id, l.tray_store_id, l.api_host, l.action, l.user_sub, l.description from {Log} l
            join unnest($1::text[], $2::text[]) as r(api_host, store_id) on r.api_host = l.api_host and r.store_id = l.tray_store_id
            order by l.api_host, l.tray_store_id, l.at desc
            """);
        command.Parameters.Add(new() { Value = registrations.Select(r => r.Host).ToArray() });
        command.Parameters.Add(new() { Value = registrations.Select(r => r.StoreId).ToArray() });
        return await ReadEntriesAsync(command, cancellationToken);
    }

    /// <summary>The operation's audit, newest first (at most <paramref name="limit"/>, bounded to 200).</summary>
    public async Task<List<OperatorActionEntry>> RecentAsync(int limit, string? apiHost, string? storeId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select at, tenant_id, tray_store_id, api_host, action, user_sub, description from {Log}
            where ($2::text is null or (api_host = $2 and tray_store_id = $3)) order by at desc limit $1
            """);
        command.Parameters.Add(new() { Value = Math.Clamp(limit, 1, 200) });
        command.Parameters.Add(new() { Value = (object?)apiHost ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)storeId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return await ReadEntriesAsync(command, cancellationToken);
    }

    private static async Task<List<OperatorActionEntry>> ReadEntriesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<OperatorActionEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            entries.Add(new(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6)));
        return entries;
    }
}
