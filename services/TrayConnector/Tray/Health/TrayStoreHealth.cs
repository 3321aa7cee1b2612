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

    public async Task<StoreHealth?> OfAsync(string storeHost, string storeId, CancellationToken cancellationToken) =>
        (await OfAsync([(storeHost, storeId)], cancellationToken)).GetValueOrDefault((storeHost, storeId));

    /// <summary>The failing ones among these registrations (API host, store id).</summary>
    public async Task<Dictionary<(string Host, string StoreId), StoreHealth>> OfAsync(IReadOnlyCollection<(string Host, string StoreId)> registrations,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<(string, string), StoreHealth>();
        if (registrations.Count == 0) return found;
        await using var command = dataSource.CreateCommand(
            $"""
            select h.api_host, h.store_id, failing_since, failures, retry_at, last_error from {Table} h
            join unnest($1::text[], $2::text[]) as r(api_host, store_id) on r.api_host = h.api_host and r.store_id = h.store_id
            """);
        command.Parameters.Add(new() { Value = registrations.Select(r => r.Host).ToArray() });
        command.Parameters.Add(new() { Value = registrations.Select(r => r.StoreId).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            found[(reader.GetString(0), reader.GetString(1))] = new(reader.GetFieldValue<DateTimeOffset>(2), reader.GetInt32(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetString(5));
        return found;
    }

    public async Task FailedAsync(string storeHost, string storeId, string error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var backoff = options.Value.StoreBackoff;
        // The delay doubles per failure: computed in SQL from the stored count, so concurrent failures add up once each.
        await using var command = dataSource.CreateCommand(
            $"""
            insert into {Table} as h (api_host, store_id, failing_since, failures, retry_at, last_error) values ($6, $1, $2, 1, $2 + $3, $5)
            on conflict (api_host, store_id) do update set failures = h.failures + 1, last_error = $5,
                retry_at = $2 + least($4, $3 * power(2, least(h.failures, 30)))
            """);
        command.Parameters.Add(new() { Value = storeId });
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = backoff.First });
        command.Parameters.Add(new() { Value = backoff.Max });
        command.Parameters.Add(new() { Value = error.Length > 500 ? error[..500] : error });
        command.Parameters.Add(new() { Value = storeHost });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The first success ends the backoff.</summary>
    public async Task RecoveredAsync(string storeHost, string storeId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"delete from {Table} where api_host = $2 and store_id = $1");
        command.Parameters.Add(new() { Value = storeId });
        command.Parameters.Add(new() { Value = storeHost });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
