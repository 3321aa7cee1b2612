using System.Security.Claims;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Retention;
using TrayBridge.TrayConnector.Tray;

namespace TrayBridge.TrayConnector.Features.Stores;

/// <summary>The registration audit and its limit. An attempt is written before our consumer secret leaves for the typed
/// address, under a lock per tenant, so concurrent attempts cannot pass the limit; its outcome is written after (with the
/// store's own commit when it succeeds). An attempt refused by the limit is answered 429 and not written: it sent nothing.</summary>
public sealed class RegistrationLog(NpgsqlDataSource dataSource, ServiceStore store, IOptions<TraySettings> options, RetentionSettings retention)
{
    public const string Attempted = "attempted", Registered = "registered", Reauthorized = "reauthorized", Removed = "removed";
    public const string RetentionName = "RegistrationLog";
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(90);
    public const int MaxListed = 100;

    private string Table => $"{store.Schema}.{RegistrationLogTable.Name}";
    private RegistrationSettings Limit => options.Value.Registrations;
    /// <summary>The same age the retention sweep uses (for tenants who never come back); it must stay above the limit's window.</summary>
    private TimeSpan Retention => retention.KeepFor(RetentionName, DefaultRetention);

    /// <summary>The token's <c>sub</c> (who acted), bounded.</summary>
    public static string UserOf(ClaimsPrincipal user) => user.FindFirst("sub")?.Value is { Length: > 0 } sub ? sub[..Math.Min(sub.Length, 200)] : "?";

    /// <summary>Writes an attempt and returns its id, or, when the tenant has used its attempts for the window, when the
    /// oldest of them leaves it.</summary>
    public async Task<(Guid? AttemptId, DateTimeOffset RetryAt)> AdmitAsync(string tenantId, string user, string action, string storeId,
        string apiHost, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, transaction, "select pg_advisory_xact_lock(hashtextextended('store-registrations:' || $1, 0))", cancellationToken, tenantId);
        await using (var count = new NpgsqlCommand(
            $"select count(*), min(at) from {Table} where tenant_id = $1 and action <> '{StoreRegistrationActions.Remove}' and at > $2", connection, transaction))
        {
            count.Parameters.Add(new() { Value = tenantId });
            count.Parameters.Add(new() { Value = now - Limit.Window });
            await using var reader = await count.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            if (reader.GetInt64(0) >= Limit.PerWindow) return (null, reader.GetFieldValue<DateTimeOffset>(1) + Limit.Window);
        }
        await Execute(connection, transaction, $"delete from {Table} where tenant_id = $1 and at < $2", cancellationToken, tenantId, now - Retention);
        var id = Guid.CreateVersion7();
        await Execute(connection, transaction, $"insert into {Table} (id, tenant_id, user_sub, action, tray_store_id, api_host, outcome, at) values ($1, $2, $3, $4, $5, $6, '{Attempted}', $7)",
            cancellationToken, id, tenantId, user, action, storeId, apiHost, now);
        await transaction.CommitAsync(cancellationToken);
        return (id, now);
    }

    /// <summary>How an attempt ended, when it ended without the store's commit (a refusal).</summary>
    public async Task RecordOutcomeAsync(Guid attemptId, string outcome, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"update {Table} set outcome = $2 where id = $1");
        command.Parameters.Add(new() { Value = attemptId });
        command.Parameters.Add(new() { Value = outcome });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>How an attempt ended, in the session that commits the store.</summary>
    public void RecordOutcome(IDocumentSession session, Guid attemptId, string outcome) =>
        session.QueueSqlCommand($"update {Table} set outcome = ? where id = ?", outcome, attemptId);

    public void RecordRemoval(IDocumentSession session, string user, string storeId, string apiHost, DateTimeOffset now) =>
        session.QueueSqlCommand($"insert into {Table} (id, tenant_id, user_sub, action, tray_store_id, api_host, outcome, at) values (?, ?, ?, ?, ?, ?, ?, ?)",
            Guid.CreateVersion7(), session.TenantId, user, StoreRegistrationActions.Remove, storeId, apiHost, Removed, now.ToUniversalTime());

    /// <summary>The tenant's latest lines, newest first.</summary>
    public async Task<List<StoreRegistrationEntry>> RecentAsync(string tenantId, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select at, action, tray_store_id, api_host, user_sub, outcome from {Table} where tenant_id = $1 order by at desc, id desc limit $2");
        command.Parameters.Add(new() { Value = tenantId });
        command.Parameters.Add(new() { Value = Math.Clamp(limit, 1, MaxListed) });
        var entries = new List<StoreRegistrationEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (action, outcome) = (reader.GetString(1), reader.GetString(5));
            entries.Add(new(reader.GetFieldValue<DateTimeOffset>(0), action, reader.GetString(2), reader.GetString(3), reader.GetString(4), outcome,
                Describe(action, outcome)));
        }
        return entries;
    }

    private static string Describe(string action, string outcome) => (action, outcome) switch
    {
        (_, Registered) => "Loja cadastrada.",
        (_, Reauthorized) => "Loja autorizada de novo.",
        (_, Removed) => "Loja removida.",
        (_, Attempted) => "Tentativa sem resultado registrado.",
        (StoreRegistrationActions.Reauthorize, _) => $"Nova autorização recusada: {Reason(outcome)}.",
        _ => $"Cadastro recusado: {Reason(outcome)}.",
    };

    private static string Reason(string code) => code switch
    {
        TrayProblemCodes.TrayRefusedCode => "a Tray recusou o code",
        TrayProblemCodes.CodeOfAnotherStore => "o code é de outra loja",
        TrayProblemCodes.TrayUnreachable => "a Tray não respondeu neste endereço",
        TrayProblemCodes.ApiAddressNotFound => "não há uma API da Tray neste endereço",
        TrayProblemCodes.StoreAlreadyRegistered => "a loja já está cadastrada em uma conta",
        TrayProblemCodes.BudgetExhausted => "cota de requisições da Tray esgotada",
        _ => $"motivo {code}",
    };

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken,
        params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values) command.Parameters.Add(new() { Value = value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
