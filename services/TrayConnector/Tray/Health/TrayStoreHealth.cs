using Microsoft.Extensions.Options;
using Npgsql;
using TrayBridge.ServiceDefaults.Persistence;

namespace TrayBridge.TrayConnector.Tray.Health;

/// <summary>A failing store's state: since when, how many failed calls in a row, until when work leaves it alone, and
/// the last error in pt-BR (never a token: Tray's paths carry none and the query string is not in the messages).</summary>
public sealed record StoreHealth(DateTimeOffset FailingSince, int Failures, DateTimeOffset RetryAt, string LastError);

/// <summary>Which stores' Tray is failing, in PostgreSQL so every replica backs off alike. A failure is one call that
/// failed after the resilience pipeline's own retries (they sit inside), so those retries never multiply the backoff.</summary>
public sealed class TrayStoreHealth(NpgsqlDataSource dataSource, ServiceStore store, IOptions<TraySettings> options, TimeProvider time)
{
    private string Table => $"{store.Schema}.{StoreHealthTable.Name}";

    public async Task<StoreHealth?> OfAsync(string storeId, CancellationToken cancellationToken) =>
        (await OfAsync([storeId], cancellationToken)).GetValueOrDefault(storeId);

    public async Task<Dictionary<string, StoreHealth>> OfAsync(IReadOnlyCollection<string> storeIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, StoreHealth>();
        if (storeIds.Count == 0) return found;
        await using var command = dataSource.CreateCommand($"select store_id, failing_since, failures, retry_at, last_error from {Table} where store_id = any($1)");
        command.Parameters.Add(new() { Value = storeIds.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            found[reader.GetString(0)] = new(reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt32(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4));
        return found;
    }

    public async Task FailedAsync(string storeId, string error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var backoff = options.Value.StoreBackoff;
        // The delay doubles per failure: computed in SQL from the stored count, so concurrent failures add up once each.
        await using var command = dataSource.CreateCommand(
            $"""
            insert into {Table} as h (store_id, failing_since, failures, retry_at, last_error) values ($1, $2, 1, $2 + $3, $5)
            on conflict (store_id) do update set failures = h.failures + 1, last_error = $5,
                retry_at = $2 + least($4, $3 * power(2, least(h.failures, 30)))
            """);
        command.Parameters.Add(new() { Value = storeId });
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = backoff.First });
        command.Parameters.Add(new() { Value = backoff.Max });
        command.Parameters.Add(new() { Value = error.Length > 500 ? error[..500] : error });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The first success ends the backoff.</summary>
    public async Task RecoveredAsync(string storeId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"delete from {Table} where store_id = $1");
        command.Parameters.Add(new() { Value = storeId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
