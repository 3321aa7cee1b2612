using Npgsql;

namespace TrayBridge.TrayConnector.Features.ProductExport;

/// <summary>One writer at a time per product and store, across replicas: a PostgreSQL session advisory lock held on a
/// connection of its own while an export (or a price/stock sync) talks to Tray. Two exports of a new version at once would
/// otherwise both create its new variants; a replica that dies releases the lock with its connection.</summary>
public sealed class ProductLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly string _key;

    private ProductLock(NpgsqlConnection connection, string key) => (_connection, _key) = (connection, key);

    /// <summary>The lock, or null when another export or sync of this product holds it.</summary>
    public static async Task<ProductLock?> TryTakeAsync(NpgsqlDataSource dataSource, string tenantId, string storeId, Guid productId,
        CancellationToken cancellationToken)
    {
        var key = $"tray-product:{tenantId}:{storeId}:{productId:N}";
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("select pg_try_advisory_lock(hashtextextended($1, 0))", connection);
            command.Parameters.Add(new() { Value = key });
            if (await command.ExecuteScalarAsync(cancellationToken) is true) return new ProductLock(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("select pg_advisory_unlock(hashtextextended($1, 0))", _connection);
            command.Parameters.Add(new() { Value = _key });
            await command.ExecuteScalarAsync(CancellationToken.None);
        }
        finally
        {
            // An unlock fails on a broken connection, and PostgreSQL drops a dead session's locks with it.
            await _connection.DisposeAsync();
        }
    }
}
