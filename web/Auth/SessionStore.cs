using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;

namespace TrayBridge.Web.Auth;

/// <summary>Sessions kept on the server, the cookie holding only the session's key: sign-out deletes the session, so a
/// copy of the old cookie is worth nothing afterwards, and the user's tokens never travel to the browser. In PostgreSQL
/// (the panel's <c>web</c> schema), shared by the panel's replicas, each ticket encrypted with the panel's key ring.</summary>
public sealed class PostgresSessionStore(NpgsqlDataSource dataSource, IDataProtectionProvider protection) : ITicketStore
{
    public const string Table = PanelStorage.Schema + ".sessions";
    private readonly IDataProtector _protector = protection.CreateProtector("TrayBridge.Web.Sessions");

    public static string CreateTableSql =>
        $"create table if not exists {Table} (key text primary key, ticket bytea not null, expires_at timestamptz not null)";

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await RenewAsync(key, ticket);
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var command = dataSource.CreateCommand(
            $"insert into {Table} (key, ticket, expires_at) values ($1, $2, $3) on conflict (key) do update set ticket = $2, expires_at = $3");
        command.Parameters.Add(new() { Value = key });
        command.Parameters.Add(new() { Value = _protector.Protect(TicketSerializer.Default.Serialize(ticket)) });
        command.Parameters.Add(new() { Value = ticket.Properties.ExpiresUtc ?? DateTimeOffset.UtcNow.AddHours(8) });
        await command.ExecuteNonQueryAsync();
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var command = dataSource.CreateCommand($"select ticket from {Table} where key = $1 and expires_at > now()");
        command.Parameters.Add(new() { Value = key });
        return await command.ExecuteScalarAsync() is byte[] ticket ? TicketSerializer.Default.Deserialize(_protector.Unprotect(ticket)) : null;
    }

    public async Task RemoveAsync(string key)
    {
        // Expired sessions go with any sign-out: the table never holds more than the live ones for long.
        await using var command = dataSource.CreateCommand($"delete from {Table} where key = $1 or expires_at < now()");
        command.Parameters.Add(new() { Value = key });
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The same, in this process only: for a bare development run without a database.</summary>
public sealed class MemorySessionStore : ITicketStore
{
    private readonly ConcurrentDictionary<string, AuthenticationTicket> _tickets = new();

    public Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Guid.NewGuid().ToString("N");
        _tickets[key] = ticket;
        return Task.FromResult(key);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) { _tickets[key] = ticket; return Task.CompletedTask; }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => Task.FromResult(_tickets.GetValueOrDefault(key));

    public Task RemoveAsync(string key) { _tickets.TryRemove(key, out _); return Task.CompletedTask; }
}
