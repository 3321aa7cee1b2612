using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TrayBridge.ServiceDefaults.Telemetry;

/// <summary>A gauge read from PostgreSQL: sampled in the background, because OpenTelemetry's observable callbacks are
/// synchronous and run on every scrape; the callbacks read the last sample.</summary>
public interface IMetricsSample
{
    Task SampleAsync(CancellationToken cancellationToken);
}

/// <summary>Refreshes every <see cref="IMetricsSample"/> each <c>Telemetry:SampleInterval</c> (15 s): a few indexed queries
/// per replica, whatever the scrape rate. A failed sample keeps the previous values and is logged.</summary>
public sealed class MetricsSampler(IEnumerable<IMetricsSample> samples, IConfiguration configuration, TimeProvider time,
    ILogger<MetricsSampler> logger) : BackgroundService
{
    private readonly TimeSpan _interval = configuration.GetValue("Telemetry:SampleInterval", TimeSpan.FromSeconds(15));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval, time);
        do
        {
            foreach (var sample in samples)
            {
                try
                {
                    await sample.SampleAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Metrics sample {Sample} failed; its gauges keep their last values", sample.GetType().Name);
                }
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
