using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Npgsql;

namespace TrayBridge.TestSupport;

/// <summary>A PostgreSQL database and a RabbitMQ vhost of one fixture's own: fixed exchange names and Marten's
/// shared lock ids cannot collide with another fixture's. Both are dropped on dispose.</summary>
public sealed class IsolatedInfrastructure : IAsyncDisposable
{
    private readonly TestServers _servers;
    private readonly string _name;

    private IsolatedInfrastructure(TestServers servers, string name) => (_servers, _name) = (servers, name);

    public string PostgresConnectionString => new NpgsqlConnectionStringBuilder(_servers.PostgresAdmin) { Database = _name }.ConnectionString;

    public string RabbitConnectionString => new UriBuilder(_servers.Rabbit) { Path = "/" + _name }.Uri.ToString();

    /// <summary>On the shared test servers (<see cref="TestInfrastructure"/>), or on <paramref name="servers"/> (e.g. a
    /// fixture's <see cref="PrivateServers"/>).</summary>
    public static async Task<IsolatedInfrastructure> CreateAsync(TestServers? servers = null)
    {
        servers ??= await TestInfrastructure.RequireAsync();
        var infrastructure = new IsolatedInfrastructure(servers, $"tb_{Guid.NewGuid():N}"[..20]);
        await infrastructure.ExecuteAdminAsync($"create database {infrastructure._name}");
        using var management = infrastructure.Management();
        (await management.PutAsync($"api/vhosts/{infrastructure._name}", null)).EnsureSuccessStatusCode();
        var user = servers.Rabbit.UserInfo.Split(':')[0];
        (await management.PutAsJsonAsync($"api/permissions/{infrastructure._name}/{Uri.EscapeDataString(Uri.UnescapeDataString(user))}",
            new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
        return infrastructure;
    }

    public string VirtualHost => _name;

    /// <summary>RabbitMQ's management API (queues, messages in them), authenticated.</summary>
    public HttpClient Management()
    {
        var client = new HttpClient { BaseAddress = new UriBuilder(_servers.RabbitManagement) { UserName = "", Password = "" }.Uri };
        var credentials = Uri.UnescapeDataString(_servers.RabbitManagement.UserInfo);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return client;
    }

    private async Task ExecuteAdminAsync(string sql)
    {
        // Not pooled: a test may have restarted the server since the last admin command, breaking pooled connections.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_servers.PostgresAdmin) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await ExecuteAdminAsync($"drop database if exists {_name} with (force)");
        using var management = Management();
        await management.DeleteAsync($"api/vhosts/{_name}");
    }
}
