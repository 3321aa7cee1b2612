using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;
using Xunit;

namespace TrayBridge.TestSupport;

/// <summary>Finds the servers integration tests run against: <c>TEST_POSTGRES</c> / <c>TEST_RABBITMQ</c>
/// (and optionally <c>TEST_RABBITMQ_MANAGEMENT</c>) first, then Testcontainers where a Docker engine answers;
/// otherwise the test is skipped with the reason — or fails, when <c>CI=true</c>.</summary>
public static class TestInfrastructure
{
    private static readonly Lazy<Task<(TestServers? Servers, string? Reason)>> Resolved = new(ResolveAsync);

    /// <summary>The servers; skips the calling test when there are none (fails under CI). Call it from a test body:
    /// xunit turns a skip thrown from a fixture into a failure.</summary>
    public static async Task<TestServers> RequireAsync()
    {
        if (await UnavailableReasonAsync() is { } reason) Assert.Skip(reason);
        return (await Resolved.Value).Servers!;
    }

    /// <summary>Null when the servers are there; else why not. Under <c>CI=true</c> their absence is an error, not a reason.</summary>
    public static async Task<string?> UnavailableReasonAsync()
    {
        var (servers, reason) = await Resolved.Value;
        if (servers is not null) return null;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"CI=true and no test servers: {reason}");
        return reason;
    }

    private static async Task<(TestServers?, string?)> ResolveAsync()
    {
        var postgres = Environment.GetEnvironmentVariable("TEST_POSTGRES");
        var rabbit = Environment.GetEnvironmentVariable("TEST_RABBITMQ");
        if (!string.IsNullOrWhiteSpace(postgres) && !string.IsNullOrWhiteSpace(rabbit))
        {
            var amqp = new Uri(rabbit);
            var management = Environment.GetEnvironmentVariable("TEST_RABBITMQ_MANAGEMENT") is { Length: > 0 } m
                ? new Uri(m)
                : new UriBuilder("http", amqp.Host, 15672) { UserName = amqp.UserInfo.Split(':')[0], Password = amqp.UserInfo.Split(':').ElementAtOrDefault(1) }.Uri;
            return (new TestServers(postgres, amqp, management), null);
        }
        try
        {
            return (await StartContainersAsync(), null);
        }
        catch (Exception e)
        {
            return (null, "Set TEST_POSTGRES and TEST_RABBITMQ (build.ps1 test does), or run a Docker engine for Testcontainers. " +
                          $"Docker: {e.GetType().Name}: {e.Message}");
        }
    }

    private static async Task<TestServers> StartContainersAsync()
    {
        var postgres = new PostgreSqlBuilder("postgres:15").Build();
        var rabbit = new RabbitMqBuilder("rabbitmq:3.10-management").WithPortBinding(15672, true).Build();
        await Task.WhenAll(postgres.StartAsync(), rabbit.StartAsync());
        var amqp = new Uri(rabbit.GetConnectionString());
        var management = new UriBuilder("http", rabbit.Hostname, rabbit.GetMappedPublicPort(15672))
            { UserName = RabbitMqBuilder.DefaultUsername, Password = RabbitMqBuilder.DefaultPassword }.Uri;
        return new TestServers(postgres.GetConnectionString(), new UriBuilder(amqp) { Path = "/" }.Uri, management);
    }
}
