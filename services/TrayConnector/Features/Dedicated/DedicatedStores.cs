using Microsoft.Extensions.Options;
using Npgsql;

namespace TrayBridge.TrayConnector.Features.Dedicated;

/// <summary>Whether a store's Tray calls belong to this process: a shared connector does no Tray work for a dedicated store,
/// a dedicated one none for any other store. The list is read at most every <see cref="Refresh"/> for a person's requests and
/// the consumers (a store dedicated a moment ago may still be called from here that long); the runner's claim reads the
/// table itself, every time.</summary>
public sealed class DedicatedStores(NpgsqlDataSource dataSource, IOptions<ConnectorSettings> options, TimeProvider time)
{
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(5);
    private readonly ConnectorSettings _settings = options.Value;
    private readonly SemaphoreSlim _reading = new(1, 1);
    private sealed record Snapshot(DateTimeOffset At, HashSet<string> Stores);

    private volatile Snapshot? _known; // replaced whole, never changed: readers outside the lock see one or the other

    /// <summary>True when another process must call Tray for this store: it is declared dedicated and this is not its
    /// connector, or this is a dedicated connector and the store is not its own.</summary>
    public async Task<bool> IsServedElsewhereAsync(string storeId, CancellationToken cancellationToken)
    {
        if (_settings.IsDedicated) return storeId != _settings.DedicatedStoreId;
        return (await KnownAsync(cancellationToken)).Contains(storeId);
    }

    private async Task<HashSet<string>> KnownAsync(CancellationToken cancellationToken)
    {
        if (_known is { } known && time.GetUtcNow() - known.At < Refresh) return known.Stores;
        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (_known is { } fresh && time.GetUtcNow() - fresh.At < Refresh) return fresh.Stores;
            // A handful of big stores: the whole list is one small read.
            await using var command = dataSource.CreateCommand(
                $"select tray_store_id from {DedicatedStoresTable.Schema}.{DedicatedStoresTable.Name} limit 10000");
            var stores = new HashSet<string>(StringComparer.Ordinal);
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken)) stores.Add(reader.GetString(0));
            _known = new Snapshot(time.GetUtcNow(), stores);
            return stores;
        }
        finally { _reading.Release(); }
    }

    /// <summary>The dedicated process's declaration, at every start (idempotent).</summary>
    public async Task DeclareAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            insert into {DedicatedStoresTable.Schema}.{DedicatedStoresTable.Name} (tray_store_id, instance, declared_at, last_started_at)
            values ($1, $2, $3, $3) on conflict (tray_store_id) do update set instance = $2, last_started_at = $3
            """);
        command.Parameters.Add(new() { Value = _settings.DedicatedStoreId! });
        command.Parameters.Add(new() { Value = _settings.InstanceName });
        command.Parameters.Add(new() { Value = now });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Declares the dedicated store before the process is ready (hosted services start in order, after Marten's schema
/// changes), so once it answers <c>/health/ready</c> the shared connectors no longer claim the store's work.</summary>
public sealed class DedicatedStoreDeclaration(DedicatedStores dedicated, TimeProvider time, ILogger<DedicatedStoreDeclaration> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await dedicated.DeclareAsync(time.GetUtcNow(), cancellationToken);
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException && attempt < 60)
            {
                logger.LogWarning(e, "Dedicated store not declared yet (attempt {Attempt}), trying again", attempt);
                await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
