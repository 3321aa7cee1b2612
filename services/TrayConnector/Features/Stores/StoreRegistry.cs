using Marten;
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

    /// <summary>Every registered store with its tenant: for work that starts outside any tenant's request.</summary>
    public async Task<List<(string StoreId, string TenantId)>> AllAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select tray_store_id, tenant_id from {store.Schema}.{StoreRegistryTable.Name}");
        var stores = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) stores.Add((reader.GetString(0), reader.GetString(1)));
        return stores;
    }

    /// <summary>Claims a Tray store for the session's tenant, in the session's transaction: the primary key makes a second
    /// tenant's claim fail at commit with a unique violation.</summary>
    public void Claim(IDocumentSession session, string trayStoreId, DateTimeOffset now) =>
        session.QueueSqlCommand($"insert into {store.Schema}.{StoreRegistryTable.Name} (tray_store_id, tenant_id, registered_at) values (?, ?, ?)",
            trayStoreId, session.TenantId, now.ToUniversalTime());

    public void Release(IDocumentSession session, string trayStoreId) =>
        session.QueueSqlCommand($"delete from {store.Schema}.{StoreRegistryTable.Name} where tray_store_id = ? and tenant_id = ?",
            trayStoreId, session.TenantId);
}
