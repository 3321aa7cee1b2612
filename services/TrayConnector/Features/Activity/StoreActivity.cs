using Npgsql;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.Persistence;

namespace TrayBridge.TrayConnector.Features.Activity;

/// <summary>What to read of the log: one store's lines (of one tenant, or of any when <see cref="TenantId"/> is null: the
/// platform's operator view), between two instants, of a kind and a result, one page.</summary>
public sealed record StoreActivityFilter(string? TenantId, string StoreId, DateTimeOffset? From, DateTimeOffset? To, string? Kind,
    string? Result, int Page, int PageSize);

/// <summary>The one reader of the activity log: newest first, time then id (stable across pages), counted and paged
/// inside the <c>store_activity_store_at</c> index. The tenant's endpoint and the operator's view both read through it.</summary>
public sealed class StoreActivity(NpgsqlDataSource dataSource, ServiceStore store)
{
    private string Table => $"{store.Schema}.{StoreActivityTable.Name}";

    public async Task<StoreActivityPage> ReadAsync(StoreActivityFilter filter, CancellationToken cancellationToken)
    {
        const string where = """
            ($1::text is null or tenant_id = $1) and store_id = $2 and ($3::timestamptz is null or at >= $3)
            and ($4::timestamptz is null or at < $4) and ($5::text is null or kind = $5) and ($6::text is null or result = $6)
            """;
        var size = Math.Clamp(filter.PageSize, 1, StoreActivityPage.MaxPageSize);
        var page = Math.Max(1, filter.Page);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var count = new NpgsqlCommand($"select count(*)::int from {Table} where {where}", connection);
        Bind(count, filter);
        var total = (int)(await count.ExecuteScalarAsync(cancellationToken))!;
        await using var command = new NpgsqlCommand(
            $"""
            select id, at, last_at, kind, result, subject_type, subject_id, tray_id, reason, count, trace_id
            from {Table} where {where} order by at desc, id desc limit $7 offset $8
            """, connection);
        Bind(command, filter);
        command.Parameters.Add(new() { Value = size });
        command.Parameters.Add(new() { Value = (long)(page - 1) * size });
        var items = new List<StoreActivityEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (kind, result) = (reader.GetString(3), reader.GetString(4));
            items.Add(new StoreActivityEntry(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2),
                kind, StoreActivityKinds.Labels.GetValueOrDefault(kind, kind), result, StoreActivityResults.Labels.GetValueOrDefault(result, result),
                Text(reader, 5), Text(reader, 6), Text(reader, 7), Text(reader, 8), reader.GetInt32(9), Text(reader, 10)));
        }
        return new StoreActivityPage(filter.StoreId, items, page, size, total);
    }

    private static void Bind(NpgsqlCommand command, StoreActivityFilter filter)
    {
        command.Parameters.Add(new() { Value = (object?)filter.TenantId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = filter.StoreId });
        command.Parameters.Add(new() { Value = (object?)filter.From?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = (object?)filter.To?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = (object?)filter.Kind ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)filter.Result ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
