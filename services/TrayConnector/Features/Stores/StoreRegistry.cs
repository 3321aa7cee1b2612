using Marten;
using Npgsql;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.Stores;

/// <summary>The global registry of registrations, (API host, Tray store id) → tenant (<see cref="StoreRegistryTable"/>).</summary>
public sealed class StoreRegistry(NpgsqlDataSource dataSource, ServiceStore store, IDocumentStore documents, ILogger<StoreRegistry> logger)
{
    private string Table => $"{store.Schema}.{StoreRegistryTable.Name}";

    /// <summary>The tenant that registered this Tray store at this API host, or null when no tenant did.</summary>
    public async Task<string?> TenantOfAsync(string apiHost, string trayStoreId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select tenant_id from {Table} where api_host = $1 and tray_store_id = $2");
        command.Parameters.Add(new() { Value = apiHost });
        command.Parameters.Add(new() { Value = trayStoreId });
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>Every registration of a Tray store id, whatever its host: a webhook's <c>seller_id</c> goes to each, and each
    /// tenant re-reads from its own store's host, so a fake registration of a real id learns nothing from it.</summary>
    public async Task<List<(string ApiHost, string TenantId)>> RegistrationsOfAsync(string trayStoreId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select api_host, tenant_id from {Table} where tray_store_id = $1 order by registered_at limit 100");
        command.Parameters.Add(new() { Value = trayStoreId });
        var registrations = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) registrations.Add((reader.GetString(0), reader.GetString(1)));
        return registrations;
    }

    /// <summary>Every registered store with its tenant: for work that starts outside any tenant's request.</summary>
    public async Task<List<(string StoreId, string TenantId)>> AllAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select tray_store_id, tenant_id from {Table}");
        var stores = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) stores.Add((reader.GetString(0), reader.GetString(1)));
        return stores;
    }

    /// <summary>Claims (API host, Tray store id) for the session's tenant, in the session's transaction: the primary key makes
    /// a second tenant's claim of the same host and id fail at commit with a unique violation, and the tenant's own unique
    /// index a second registration of the same id in one tenant.</summary>
    public void Claim(IDocumentSession session, string apiHost, string trayStoreId, DateTimeOffset now) =>
        session.QueueSqlCommand($"insert into {Table} (api_host, tray_store_id, tenant_id, registered_at) values (?, ?, ?, ?)",
            apiHost, trayStoreId, session.TenantId, now.ToUniversalTime());

    /// <summary>The store moved to another API host (re-authorisation with a new address): its claim moves with it, and
    /// fails at commit like a new claim when that host and id are taken.</summary>
    public void Move(IDocumentSession session, string trayStoreId, string apiHost) =>
        session.QueueSqlCommand($"update {Table} set api_host = ? where tenant_id = ? and tray_store_id = ?", apiHost, session.TenantId, trayStoreId);

    public void Release(IDocumentSession session, string trayStoreId) =>
        session.QueueSqlCommand($"delete from {Table} where tray_store_id = ? and tenant_id = ?", trayStoreId, session.TenantId);

    /// <summary>Rows claimed before the host was part of the key have it empty: each takes its store's host once, at start-up
    /// (idempotent, and a row whose store is gone keeps it empty: it matches no host, so it blocks no one).</summary>
    public async Task BackfillHostsAsync(CancellationToken cancellationToken)
    {
        var unkeyed = new List<(string StoreId, string TenantId)>();
        await using (var command = dataSource.CreateCommand($"select tray_store_id, tenant_id from {Table} where api_host = ''"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) unkeyed.Add((reader.GetString(0), reader.GetString(1)));
        foreach (var (storeId, tenantId) in unkeyed)
        {
            await using var session = documents.QuerySession(tenantId);
            if (await session.LoadAsync<TrayStore>(storeId, cancellationToken) is not { } trayStore) continue;
            await using var update = dataSource.CreateCommand($"update {Table} set api_host = $1 where api_host = '' and tray_store_id = $2 and tenant_id = $3");
            update.Parameters.Add(new() { Value = StoreHost.Of(trayStore.ApiAddress) });
            update.Parameters.Add(new() { Value = storeId });
            update.Parameters.Add(new() { Value = tenantId });
            try { await update.ExecuteNonQueryAsync(cancellationToken); }
            catch (Exception e) when (PostgresErrors.IsUniqueViolation(e)) { logger.LogWarning("Tray store {StoreId}: its host is claimed twice", storeId); }
        }
    }
}
