using Npgsql;

namespace TrayBridge.ServiceDefaults.Persistence;

/// <summary>A PostgreSQL session advisory lock held on a connection of its own, across replicas: disposing releases it, and a
/// process that dies releases it with its connection.</summary>
public sealed class AdvisoryLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly string _key;

    private AdvisoryLock(NpgsqlConnection connection, string key) => (_connection, _key) = (connection, key);

    /// <summary>The lock, or null at once when someone else holds it.</summary>
    public static Task<AdvisoryLock?> TryTakeAsync(NpgsqlDataSource dataSource, string key, CancellationToken cancellationToken) =>
        AcquireAsync(dataSource, key, "pg_try_advisory_lock", cancellationToken);

    /// <summary>The lock, waiting for whoever holds it.</summary>
    public static async Task<AdvisoryLock> TakeAsync(NpgsqlDataSource dataSource, string key, CancellationToken cancellationToken) =>
        (await AcquireAsync(dataSource, key, "pg_advisory_lock", cancellationToken))!;

    private static async Task<AdvisoryLock?> AcquireAsync(NpgsqlDataSource dataSource, string key, string function, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            // pg_advisory_lock returns void (DBNull): taken once it answers; pg_try_advisory_lock answers true or false.
            await using var command = new NpgsqlCommand($"select {function}(hashtextextended($1, 0))", connection);
            command.Parameters.Add(new() { Value = key });
            if (await command.ExecuteScalarAsync(cancellationToken) is not false) return new AdvisoryLock(connection, key);
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
