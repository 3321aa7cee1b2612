using TrayBridge.TrayConnector.Domain;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;
using TrayBridge.Api.Operations;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Features.Stores;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Json;

namespace TrayBridge.TrayConnector.Features.Operations;

/// <summary>Every tenant's stores for the operation, one page: the registry (not per tenant) with each registration's health,
/// the operation's settings, today's budget use and its dedicated connector in one statement; then the page's due work and
/// last actions, and each tenant's store documents (status, address) in that tenant's session.</summary>
public sealed class OperatorStoreQuery(NpgsqlDataSource dataSource, ServiceStore store, IDocumentStore documents, StoreOperations operations,
    IOptions<TraySettings> settings, TimeProvider time)
{
    private sealed record Row(string TenantId, string StoreId, string ApiHost, DateTimeOffset RegisteredAt, DateTimeOffset? FailingSince, string? LastError,
        DateTimeOffset? RetryAt, DateTimeOffset? DisabledAt, string? DisabledBy, string? DisabledReason, int? DailyCalls, int Used, string? Dedicated);

    public async Task<OperatorStorePage> PageAsync(bool onlyFailing, int page, int pageSize, CancellationToken cancellationToken, string? apiHost = null,
        string? storeId = null)
    {
        var s = store.Schema;
        var now = time.GetUtcNow();
        await using var command = dataSource.CreateCommand(
            $"""
            select r.tenant_id, r.tray_store_id, r.api_host, r.registered_at, h.failing_since, h.last_error, h.retry_at, o.disabled_at, o.disabled_by,
                   o.disabled_reason, o.daily_calls, coalesce(u.used, 0), ds.instance, count(*) over (),
                   (select count(*) from {s}.tray_store_health), (select count(*) from {s}.{StoreOperationsTable.Name} where disabled_at is not null)
            from {s}.store_registry r
            left join {s}.tray_store_health h on h.api_host = r.api_host and h.store_id = r.tray_store_id
            left join {s}.{StoreOperationsTable.Name} o on o.api_host = r.api_host and o.tray_store_id = r.tray_store_id
            left join {s}.tray_daily_use u on u.api_host = r.api_host and u.store_id = r.tray_store_id and u.day = $1
            left join {s}.dedicated_stores ds on ds.tray_store_id = r.tray_store_id
            where (not $2 or h.store_id is not null) and ($5::text is null or (r.api_host = $5 and r.tray_store_id = $6))
            order by r.tenant_id, r.tray_store_id limit $3 offset $4
            """);
        foreach (var value in new object[] { DateOnly.FromDateTime(TrayLocalTimeConverter.ToSaoPaulo(now)), onlyFailing, pageSize, (page - 1) * pageSize })
            command.Parameters.Add(new() { Value = value });
        command.Parameters.Add(new() { Value = (object?)apiHost ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)storeId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var rows = new List<Row>();
        long total = 0, failing = 0, disabled = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
            {
                T? Or<T>(int i) => reader.IsDBNull(i) ? default : reader.GetFieldValue<T>(i);
                rows.Add(new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), Or<DateTimeOffset?>(4),
                    Or<string>(5), Or<DateTimeOffset?>(6), Or<DateTimeOffset?>(7), Or<string>(8), Or<string>(9), Or<int?>(10), reader.GetInt32(11), Or<string>(12)));
                (total, failing, disabled) = (reader.GetInt64(13), reader.GetInt64(14), reader.GetInt64(15));
            }
        var backlog = await BacklogAsync(rows, now, cancellationToken);
        var actions = await LastActionsAsync(rows, cancellationToken);
        var tenants = new List<OperatorTenant>();
        foreach (var tenant in rows.GroupBy(r => r.TenantId))
        {
            await using var session = documents.QuerySession(tenant.Key);
            var docs = (await session.LoadManyAsync<TrayStore>(cancellationToken, tenant.Select(r => r.StoreId).ToArray())).ToDictionary(d => d.Id);
            tenants.Add(new(tenant.Key, tenant.Select(r => View(r, docs.GetValueOrDefault(r.StoreId), backlog.GetValueOrDefault((r.TenantId, r.StoreId)),
                actions.GetValueOrDefault((r.ApiHost, r.StoreId)))).ToList()));
        }
        return new((int)total, page, pageSize, (int)failing, (int)disabled, tenants);
    }

    private OperatorStore View(Row r, TrayStore? doc, (int Due, DateTimeOffset? Oldest, int Waiting) work, OperatorActionEntry? last)
    {
        var plan = r.DailyCalls ?? doc?.DailyLimit ?? settings.Value.Budget.DailyLimitOf(r.StoreId);
        var (status, detail, since) = r.DisabledAt is { } at ? (OperatorStoreStatuses.Disabled, r.DisabledReason, at)
            : doc is null ? (OperatorStoreStatuses.Unknown, "A loja está sendo removida pela empresa.", (DateTimeOffset?)null)
            : doc.Status == StoreStatus.NeedsReauthorization ? (OperatorStoreStatuses.ReauthorizationNeeded, doc.StatusReason, doc.StatusSince)
            : doc.Status != StoreStatus.Connected ? (OperatorStoreStatuses.UnavailableOnTray, doc.StatusReason, doc.StatusSince)
            : r.FailingSince is { } failing ? (OperatorStoreStatuses.Failing, r.LastError, failing)
            : (OperatorStoreStatuses.Connected, null, doc.StatusSince ?? doc.RegisteredAt);
        return new(r.TenantId, r.StoreId, r.ApiHost, doc?.ApiAddress, r.RegisteredAt, status, OperatorStoreStatuses.Labels[status], detail, since,
            r.FailingSince, r.LastError, r.RetryAt, r.DisabledAt is { } d ? new OperatorDisablement(d, r.DisabledBy ?? "?", r.DisabledReason ?? "") : null,
            plan, TrayDailyPlans.NameOf(plan), r.Used, Math.Max(0, plan - r.Used), work.Due, work.Oldest, work.Waiting, r.Dedicated, last);
    }

    /// <summary>Pending due work of the page's stores (the connector's partition is the Tray store id): due now, the oldest
    /// due, and all pending (parked and scheduled too).</summary>
    private async Task<Dictionary<(string, string), (int, DateTimeOffset?, int)>> BacklogAsync(List<Row> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var found = new Dictionary<(string, string), (int, DateTimeOffset?, int)>();
        if (rows.Count == 0) return found;
        await using var command = dataSource.CreateCommand(
            $"""
            select d.tenant_id, d.partition_key, count(*) filter (where d.next_attempt_at <= $3), min(d.next_attempt_at) filter (where d.next_attempt_at <= $3), count(*)
            from {store.Schema}.due_work d join unnest($1::text[], $2::text[]) as p(tenant_id, store_id) on d.tenant_id = p.tenant_id and d.partition_key = p.store_id
            where d.status = 'pending' group by d.tenant_id, d.partition_key
            """);
        command.Parameters.Add(new() { Value = rows.Select(r => r.TenantId).ToArray() });
        command.Parameters.Add(new() { Value = rows.Select(r => r.StoreId).ToArray() });
        command.Parameters.Add(new() { Value = now });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            found[(reader.GetString(0), reader.GetString(1))] = ((int)reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
                (int)reader.GetInt64(4));
        return found;
    }

    private async Task<Dictionary<(string, string), OperatorActionEntry>> LastActionsAsync(List<Row> rows, CancellationToken cancellationToken)
    {
        var found = new Dictionary<(string, string), OperatorActionEntry>();
        foreach (var entry in await operations.LatestOfAsync(rows.Select(r => (r.ApiHost, r.StoreId)).ToList(), cancellationToken))
            found[(entry.ApiHost, entry.StoreId)] = entry;
        return found;
    }
}
