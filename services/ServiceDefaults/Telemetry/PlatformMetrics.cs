using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Npgsql;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Relay;

namespace TrayBridge.ServiceDefaults.Telemetry;

/// <summary>Every service's due-work backlog and relay lag, from its own schema. Every replica reports the same values
/// (they read the same tables): graph them with <c>max</c> over instances, never <c>sum</c>.</summary>
public sealed class PlatformMetrics : IMetricsSample
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ServiceStore _store;
    // Per kind; a kind once seen stays, at zero, so its series ends at zero rather than at its last backlog.
    private readonly ConcurrentDictionary<string, (long Count, double AgeSeconds)> _dueWork = new();
    // One reference, swapped whole: a scrape never reads a count from one sample and an age from another.
    private RelayLag _relay = new(0, 0);

    public PlatformMetrics(IMeterFactory meters, NpgsqlDataSource dataSource, ServiceStore store)
    {
        (_dataSource, _store) = (dataSource, store);
        // The service (its schema: four values) is a tag, not only a resource attribute: Prometheus' pod discovery gives
        // every service the same job, and an alert on one service's lag must say which.
        var service = new KeyValuePair<string, object?>("service", store.Schema);
        var meter = meters.Create(MetricNames.PlatformMeter);
        meter.CreateObservableGauge(MetricNames.DueWorkBacklog, () => _dueWork.Select(d => new Measurement<long>(d.Value.Count, Kind(d.Key), service)),
            "{item}", "Pending due work already due, per kind");
        meter.CreateObservableGauge(MetricNames.DueWorkAgeSeconds, () => _dueWork.Select(d => new Measurement<double>(d.Value.AgeSeconds, Kind(d.Key), service)),
            "s", "How long the oldest due item of each kind has been waiting");
        meter.CreateObservableGauge(MetricNames.RelayLagEvents, () => new Measurement<long>(_relay.Events, service), "{event}", "Committed integration events not yet published");
        meter.CreateObservableGauge(MetricNames.RelayLagSeconds, () => new Measurement<double>(_relay.Seconds, service), "s", "Age of the oldest committed event not yet published");
    }

    private sealed record RelayLag(long Events, double Seconds);

    private static KeyValuePair<string, object?> Kind(string kind) => new("kind", kind);

    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        var schema = _store.Schema;
        // Both use indexes: due_work_pending (next_attempt_at where pending) and the events' sequence.
        await using var batch = _dataSource.CreateBatch();
        batch.BatchCommands.Add(new($"""
            select kind, count(*), coalesce(extract(epoch from now() - min(next_attempt_at)), 0)::float8
            from {schema}.due_work where status = 'pending' and next_attempt_at <= now() group by kind
            """));
        batch.BatchCommands.Add(new($"""
            with p as (select coalesce(max(last_seq_id), 0) as seq from {schema}.mt_event_progression
                       where name like '{IntegrationEventRelay.SubscriptionName}%')
            select greatest(coalesce((select max(seq_id) from {schema}.mt_events), 0) - p.seq, 0),
                   coalesce(extract(epoch from now() - (select e.timestamp from {schema}.mt_events e where e.seq_id > p.seq
                                                        order by e.seq_id limit 1)), 0)::float8
            from p
            """));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var seen = new HashSet<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var kind = reader.GetString(0);
            seen.Add(kind);
            _dueWork[kind] = (reader.GetInt64(1), Math.Max(0, reader.GetDouble(2)));
        }
        foreach (var kind in _dueWork.Keys.Where(k => !seen.Contains(k))) _dueWork[kind] = (0, 0);
        await reader.NextResultAsync(cancellationToken);
        if (await reader.ReadAsync(cancellationToken)) _relay = new(reader.GetInt64(0), Math.Max(0, reader.GetDouble(1)));
    }
}
