using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Relay;

namespace TrayBridge.ServiceDefaults.Health;

/// <summary>How many committed integration events the relay has not published yet (<c>data.lag</c>);
/// degraded past <c>Relay:MaxLag</c> (default 1000).</summary>
public sealed class RelayLagHealthCheck(NpgsqlDataSource dataSource, ServiceStore store, IConfiguration configuration) : IHealthCheck
{
    private readonly long _maxLag = configuration.GetValue("Relay:MaxLag", 1000L);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select coalesce((select max(seq_id) from {store.Schema}.mt_events), 0)
                 - coalesce((select max(last_seq_id) from {store.Schema}.mt_event_progression where name like '{IntegrationEventRelay.SubscriptionName}%'), 0)
            """);
        var lag = Math.Max(0L, (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L));
        var data = new Dictionary<string, object> { ["lag"] = lag };
        return lag <= _maxLag
            ? HealthCheckResult.Healthy($"Relay lag {lag}.", data)
            : HealthCheckResult.Degraded($"Relay lag {lag} is over {_maxLag}.", data: data);
    }
}
