using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using TrayBridge.ServiceDefaults.Persistence;

namespace TrayBridge.ServiceDefaults.Retention;

/// <summary>Every <c>Retention:Interval</c>, deletes what each <see cref="RetentionRule"/> names, in batches of
/// <c>Retention:BatchSize</c> rows, each its own short statement. One replica sweeps at a time (an advisory lock per schema;
/// the others skip that sweep), and the deletes are idempotent anyway.</summary>
public sealed class RetentionRunner(IEnumerable<RetentionRule> rules, RetentionSettings settings, NpgsqlDataSource dataSource,
    ServiceStore store, TimeProvider time, ILogger<RetentionRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Nothing is lost by a failed sweep: the rows are still there for the next one.
                logger.LogWarning(e, "Retention sweep failed; trying again in {Interval}", settings.Interval);
            }
            await Task.Delay(settings.Interval, time, stoppingToken);
        }
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        await using var sweep = await AdvisoryLock.TryTakeAsync(dataSource, $"retention:{store.Schema}", cancellationToken);
        if (sweep is null) return;
        foreach (var rule in rules)
        {
            try
            {
                await SweepAsync(rule, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One rule failing (a table locked for a migration) must not keep the others from running.
                logger.LogWarning(e, "Retention {Rule} failed; trying again at the next sweep", rule.Name);
            }
        }
    }

    private async Task SweepAsync(RetentionRule rule, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - rule.KeepFor;
        var deleted = 0;
        for (var batch = 0; batch < settings.MaxBatchesPerRun; batch++)
        {
            var count = await DeleteBatchAsync(rule, cutoff, cancellationToken);
            deleted += count;
            if (count < settings.BatchSize) break;
        }
        if (deleted > 0) logger.LogInformation("Retention {Rule}: {Count} rows older than {Cutoff} deleted", rule.Name, deleted, cutoff);
    }

    /// <summary>The condition is repeated on the delete: a row changed since it was picked (a failed item set back to pending)
    /// is re-checked in its new version and stays.</summary>
    private async Task<int> DeleteBatchAsync(RetentionRule rule, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"delete from {rule.Table} where ctid = any(array(select ctid from {rule.Table} where {rule.Where} limit $2)) and ({rule.Where})");
        command.Parameters.Add(new() { Value = cutoff });
        command.Parameters.Add(new() { Value = settings.BatchSize });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
