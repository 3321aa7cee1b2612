using TrayBridge.TestSupport;

namespace TrayBridge.Bench;

/// <summary>What a scenario needs: the started system (its hosts, simulators and clients), its own PostgreSQL database and
/// RabbitMQ vhost, the folder results and charts go to, and where to say what it is doing. <paramref name="Quick"/> runs
/// every scenario small (the CI test's <c>--quick</c>).</summary>
public sealed record BenchContext(TrayBridgeSystem System, string OutputDirectory, TextWriter Log, bool Quick)
{
    /// <summary>The system's own database (a scenario may seed or measure it directly; it is dropped with the system).</summary>
    public string PostgresConnectionString => System.Infrastructure.PostgresConnectionString;

    public string RabbitConnectionString => System.Infrastructure.RabbitConnectionString;

    /// <summary>A user of <paramref name="tenant"/> through the gateway, as the panel calls the API.</summary>
    public HttpClient ErpClient(string tenant)
    {
        var client = System.Client(System.Gateway, tenant);
        client.Timeout = TimeSpan.FromMinutes(2);
        return client;
    }

    public void Info(string line) => Log.WriteLine($"[{DateTimeOffset.UtcNow:HH:mm:ss}] {line}");
}
