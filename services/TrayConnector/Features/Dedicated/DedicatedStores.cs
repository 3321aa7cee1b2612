using Microsoft.Extensions.Options;
using Npgsql;

namespace TrayBridge.TrayConnector.Features.Dedicated;

/// <summary>Whether a store's Tray calls belong to this process: a shared connector does no Tray work for a dedicated store,
/// a dedicated one none for any other store.</summary>
public sealed class DedicatedStores(NpgsqlDataSource dataSource, IOptions<ConnectorSettings> options)
{
    private readonly ConnectorSettings _settings = options.Value;

    /// <summary>True when another process must call Tray for this store: it is declared dedicated and this is not its
    /// connector, or this is a dedicated connector and the store is not its own.</summary>
    public async Task<bool> IsServedElsewhereAsync(string storeId, CancellationToken cancellationToken)
    {
        if (_settings.IsDedicated) return storeId != _settings.DedicatedStoreId;
        await using var command = dataSource.CreateCommand(
            $"select exists (select 1 from {DedicatedStoresTable.Schema}.{DedicatedStoresTable.Name} where tray_store_id = $1)");
        command.Parameters.Add(new() { Value = storeId });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
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
