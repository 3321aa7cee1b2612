using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Marten;
using Npgsql;
using TrayBridge.ServiceDefaults.Persistence;

namespace TrayBridge.TrayConnector.Features.Activity;

/// <summary>One outcome for a store's activity log: what (<c>Kind</c>, and the subject: our id and Tray's), how it ended
/// (<c>Result</c>) and why (<c>Reason</c>, pt-BR, the connector's own reason texts).</summary>
public sealed record ActivityLine(string StoreId, string Kind, string Result, string? Reason = null, string? SubjectType = null,
    string? SubjectId = null, string? TrayId = null);

/// <summary>Writes the activity log. <see cref="Record"/> queues the line in the session that commits the state it describes
/// (the house rule: state and its event together), so a line exists exactly when its outcome was committed. Floods are
/// coalesced by <see cref="CountAsync"/>: one line per store, kind, result and minute (its id derived from them), whose count
/// and last time grow, so a storm of webhooks or budget waits is at most one row a minute per store and kind. Each line
/// carries the W3C trace and span id of the span that decided it. Reasons are bounded and never carry a token.</summary>
public sealed class StoreActivityLog(ServiceStore store, TimeProvider time)
{
    public const int MaxReasonLength = 500;
    private static readonly Regex TokenInText = new("(access_token|refresh_token|code|consumer_secret)=[^&\\s]*", RegexOptions.IgnoreCase);

    private string Table => $"{store.Schema}.{StoreActivityTable.Name}";

    public void Record(IDocumentSession session, ActivityLine line)
    {
        var (traceId, spanId) = Trace();
        var now = time.GetUtcNow().ToUniversalTime();
        session.QueueSqlCommand(
            $"""
            insert into {Table} (id, tenant_id, store_id, at, last_at, kind, result, subject_type, subject_id, tray_id, reason, trace_id, span_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            Guid.CreateVersion7(), session.TenantId, line.StoreId, now, now, line.Kind, line.Result, Db(line.SubjectType), Db(line.SubjectId),
            Db(line.TrayId), Db(Clean(line.Reason)), Db(traceId), Db(spanId));
    }

    /// <summary>Counts the outcome on its minute's line (created by the first of the minute, whose trace it keeps), in the
    /// caller's transaction when it has one.</summary>
    public async Task CountAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string tenantId, ActivityLine line,
        CancellationToken cancellationToken)
    {
        var (traceId, spanId) = Trace();
        var now = time.GetUtcNow().ToUniversalTime();
        var minute = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        await using var command = new NpgsqlCommand(
            $"""
            insert into {Table} as a (id, tenant_id, store_id, at, last_at, kind, result, subject_type, reason, trace_id, span_id)
            values ($1, $2, $3, $4, $4, $5, $6, $7, $8, $9, $10)
            on conflict (id) do update set count = a.count + 1, last_at = greatest(a.last_at, excluded.last_at), reason = excluded.reason
            """, connection, transaction);
        object?[] values = [MinuteId(tenantId, line, minute), tenantId, line.StoreId, now, line.Kind, line.Result, line.SubjectType,
            Clean(line.Reason), traceId, spanId];
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task CountAsync(NpgsqlDataSource dataSource, string tenantId, ActivityLine line, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await CountAsync(connection, null, tenantId, line, cancellationToken);
    }

    private static Guid MinuteId(string tenantId, ActivityLine line, DateTimeOffset minute)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(
            $"traybridge:store-activity:{tenantId}:{line.StoreId}:{line.Kind}:{line.Result}:{line.SubjectType}:{minute.UtcTicks}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8: custom, name-based
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    private static (string? TraceId, string? SpanId) Trace() => System.Diagnostics.Activity.Current is { } span
        ? (span.TraceId.ToHexString(), span.SpanId.ToHexString())
        : (null, null);

    /// <summary>Bounded, and with anything that looks like a credential in a query string masked (reasons quote Tray and
    /// the transport; neither should carry one, but a line is read by people who may not see a token).</summary>
    public static string? Clean(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) return null;
        var masked = TokenInText.Replace(reason, m => m.Groups[1].Value + "=***");
        return masked.Length <= MaxReasonLength ? masked : masked[..(MaxReasonLength - 1)] + "…";
    }

    private static object Db(string? value) => (object?)value ?? DBNull.Value;
}
