using Npgsql;
using TrayBridge.ServiceDefaults.Persistence;

namespace TrayBridge.TrayConnector.Features.Stores;

public sealed class StoreRegistry(NpgsqlDataSource dataSource, ServiceStore store)
{
    /// <summary>The tenant that registered this Tray store, or null when no tenant did.</summary>
    public async Task<string?> TenantOfAsync(string trayStoreId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select tenant_id from {store.Schema}.{StoreRegistryTable.Name} where tray_store_id = $1");
        command.Parameters.Add(new() { Value = trayStoreId });
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }
}
