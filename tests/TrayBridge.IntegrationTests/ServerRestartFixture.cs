using TrayBridge.TestSupport;

namespace TrayBridge.IntegrationTests;

/// <summary>A PostgreSQL server and a RabbitMQ node of this fixture's own (<see cref="PrivateServers"/>), which its tests
/// restart, and the whole system on them with Tray's budget shortened (60 calls a second) and the SEFAZ simulator.
/// The shared servers other tests run on are never touched.</summary>
public sealed class ServerRestartFixture : IAsyncLifetime
{
    private PrivateServers? _servers;
    private TrayBridgeSystem? _system;
    private string? _skipReason;

    public PrivateServers Servers => Started(_servers);
    public TrayBridgeSystem System => Started(_system);

    private T Started<T>(T? value) where T : class
    {
        if (_skipReason is not null) Assert.Skip(_skipReason);
        return value ?? throw new InvalidOperationException("Not started.");
    }

    public async ValueTask InitializeAsync()
    {
        _skipReason = PrivateServers.UnavailableReason();
        if (_skipReason is not null) return;
        _servers = await PrivateServers.StartAsync();
        try
        {
            _system = await TrayBridgeSystem.StartAsync(TimeSpan.FromSeconds(1), 60, withSefaz: true, servers: _servers.Servers);
        }
        catch
        {
            // The servers are this fixture's processes: they go even when the system did not start.
            await _servers.DisposeAsync();
            _servers = null;
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // What each host and server wrote, for a failure on a CI machine: the system's folder goes with it.
            if (_system is not null && Environment.GetEnvironmentVariable("TRAYBRIDGE_KEEP_TEST_LOGS") is { Length: > 0 } keep)
            {
                var target = Directory.CreateDirectory(Path.Combine(keep, $"server-restart-{DateTime.UtcNow:yyyyMMddHHmmss}")).FullName;
                foreach (var log in Directory.EnumerateFiles(_system.SpanDirectory, "*.log")) File.Copy(log, Path.Combine(target, Path.GetFileName(log)));
                await File.WriteAllTextAsync(Path.Combine(target, "postgres.log"), _servers!.Postgres.LogTail);
                await File.WriteAllTextAsync(Path.Combine(target, "rabbitmq.log"), _servers.Rabbit.LogTail);
            }
            if (_system is not null) await _system.DisposeAsync();
        }
        finally
        {
            if (_servers is not null) await _servers.DisposeAsync();
        }
    }
}
