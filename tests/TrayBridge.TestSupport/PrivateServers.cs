using Xunit;

namespace TrayBridge.TestSupport;

/// <summary>A PostgreSQL server and a RabbitMQ node of one fixture's own, for tests that restart them mid-run; the system
/// under test runs on them as on the shared ones (<see cref="TrayBridgeSystem.StartAsync"/> with <see cref="Servers"/>).
/// Both are stopped and their folders deleted on dispose, whatever the test did.</summary>
public sealed class PrivateServers : IAsyncDisposable
{
    private PrivateServers(PrivatePostgres postgres, PrivateRabbitMq rabbit) => (Postgres, Rabbit) = (postgres, rabbit);

    public PrivatePostgres Postgres { get; }
    public PrivateRabbitMq Rabbit { get; }
    public TestServers Servers => new(Postgres.AdminConnectionString, Rabbit.Amqp, Rabbit.Management);

    /// <summary>Null when PostgreSQL's and RabbitMQ's server programs are installed (<c>build.ps1</c> installs them on
    /// Debian/Ubuntu); else why not. Under <c>CI=true</c> their absence is an error, not a reason to skip.</summary>
    public static string? UnavailableReason()
    {
        var missing = new[] { PrivatePostgres.FindBinaries() is null ? "PostgreSQL (initdb, pg_ctl)" : null,
            PrivateRabbitMq.FindBinaries() is null ? "RabbitMQ (rabbitmq-server)" : null }.OfType<string>().ToList();
        if (missing.Count == 0) return null;
        var reason = $"These tests start servers of their own and need {string.Join(" and ", missing)} installed (build.ps1 installs them).";
        return string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? throw new InvalidOperationException("CI=true: " + reason)
            : reason;
    }

    public static async Task<PrivateServers> StartAsync()
    {
        if (UnavailableReason() is { } reason) Assert.Skip(reason);
        var postgres = PrivatePostgres.StartAsync(PrivatePostgres.FindBinaries()!);
        var rabbit = PrivateRabbitMq.StartAsync(PrivateRabbitMq.FindBinaries()!);
        try
        {
            await Task.WhenAll(postgres, rabbit);
        }
        catch
        {
            if (postgres.IsCompletedSuccessfully) await postgres.Result.DisposeAsync();
            if (rabbit.IsCompletedSuccessfully) await rabbit.Result.DisposeAsync();
            throw;
        }
        return new PrivateServers(postgres.Result, rabbit.Result);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Rabbit.DisposeAsync();
        }
        finally
        {
            await Postgres.DisposeAsync();
        }
    }
}
