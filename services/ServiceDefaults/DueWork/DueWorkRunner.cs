using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.ServiceDefaults.DueWork;

/// <summary>Runs due items concurrently (up to <see cref="DueWorkSettings.Concurrency"/>), each in a scope carrying the
/// row's tenant, and records the outcome on the row. Claims are fair: round-robin across tenants, then across each
/// tenant's partitions (stores), with caps on what one tenant or partition may have in flight across all hosts, so no
/// backlog and no slow store delays anyone else's work. Rows are taken with <c>FOR UPDATE SKIP LOCKED</c> plus a lease
/// (two hosts never take the same row); an item with an ordering key waits for the earlier ones of its key.</summary>
public sealed class DueWorkRunner(NpgsqlDataSource dataSource, ServiceStore store, IServiceScopeFactory scopes,
    IOptions<DueWorkSettings> options, TimeProvider time, ILogger<DueWorkRunner> logger, DueWorkClaimFilter? filter = null) : BackgroundService
{
    private readonly DueWorkSettings _settings = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new HashSet<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            var free = Math.Max(1, _settings.Concurrency) - running.Count;
            var claimed = 0;
            if (free > 0)
            {
                try
                {
                    var items = await DueWorkClaims.ClaimAsync(dataSource, store, _settings, free, time.GetUtcNow(), stoppingToken, filter);
                    foreach (var item in items) running.Add(Task.Run(() => RunAsync(item, stoppingToken), CancellationToken.None));
                    claimed = items.Count;
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException)
                {
                    logger.LogWarning(e, "Due work: database unavailable, trying again shortly");
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            }
            running.RemoveWhere(t => t.IsCompleted);
            // A full claim means more is due: claim again as soon as a slot is free; otherwise also wake on the poll.
            if (claimed > 0 && claimed == free && running.Count < _settings.Concurrency) continue;
            var poll = Task.Delay(_settings.PollInterval, time, stoppingToken);
            await Task.WhenAny(running.Append(poll)).ConfigureAwait(false);
            running.RemoveWhere(t => t.IsCompleted);
        }
        await Task.WhenAll(running);
    }

    private async Task RunAsync(DueWorkItem item, CancellationToken cancellationToken)
    {
        DueWorkOutcome outcome;
        var deferred = false;
        // The lease is renewed while the item runs: an item longer than the lease is never taken a second time (by this
        // host's other slots or by another host); a host that dies stops renewing, and its items come back after the lease.
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Claimed a moment ago for a whole lease; moved on by each renewal.
        var lease = new StrongBox<DateTimeOffset>(time.GetUtcNow() + _settings.Lease);
        var renewing = RenewLeaseAsync(item, lease, running.Token);
        using var span = DueWorkTelemetry.Start(item);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(item.TenantId);
            var handler = scope.ServiceProvider.GetServices<IDueWorkHandler>().SingleOrDefault(h => h.Kind == item.Kind)
                ?? throw new InvalidOperationException($"No handler for due work kind '{item.Kind}'.");
            outcome = await handler.HandleAsync(item, cancellationToken);
        }
        catch (DueWorkDeferredException e)
        {
            (outcome, deferred) = (DueWorkOutcome.Retry(e.RetryAt, e.Message), true);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Due work {Id} ({Kind}) attempt {Attempt} failed", item.Id, item.Kind, item.Attempt);
            var backoff = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, item.Attempt), _settings.MaxBackoff.TotalSeconds));
            outcome = DueWorkOutcome.Retry(time.GetUtcNow() + backoff, e.Message);
        }
        catch (OperationCanceledException)
        {
            return; // shutting down: the lease runs out and another host (or this one, restarted) takes the item
        }
        finally
        {
            await running.CancelAsync();
            await renewing;
        }
        await RecordUntilLeaseEndsAsync(item, outcome, deferred, lease.Value, cancellationToken);
    }

    /// <summary>An item usually fails because the database went away (restarted, failed over), and then its outcome cannot
    /// be recorded at once either: left to its lease, the row would wait minutes (and a batch or an import with it) after a
    /// database back in seconds. So the outcome is recorded as soon as the database answers again — while the lease surely
    /// holds, never after: another host may have taken the row by then, and its outcome must not be overwritten.</summary>
    private async Task RecordUntilLeaseEndsAsync(DueWorkItem item, DueWorkOutcome outcome, bool deferred, DateTimeOffset leasedUntil,
        CancellationToken cancellationToken)
    {
        var pause = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                await RecordAsync(item, outcome, deferred, cancellationToken);
                return;
            }
            catch (Exception e) when ((e is NpgsqlException or TimeoutException) && time.GetUtcNow() + pause < leasedUntil - LeaseMargin)
            {
                logger.LogWarning(e, "Due work {Id} ({Kind}): outcome not recorded yet, database unavailable; trying again", item.Id, item.Kind);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or OperationCanceledException)
            {
                logger.LogWarning(e, "Due work {Id} ({Kind}): outcome not recorded, the lease will let it run again", item.Id, item.Kind);
                return;
            }
            try { await Task.Delay(pause, time, cancellationToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Clocks and the claim's own moment differ a little between hosts and this estimate of the lease.</summary>
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(5);

    private async Task RenewLeaseAsync(DueWorkItem item, StrongBox<DateTimeOffset> lease, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_settings.Lease / 3, time, cancellationToken);
                await using var command = dataSource.CreateCommand(
                    $"update {store.Schema}.due_work set leased_until = $2 where id = $1 and status = 'pending'");
                var until = time.GetUtcNow() + _settings.Lease;
                command.Parameters.Add(new() { Value = item.Id });
                command.Parameters.Add(new() { Value = until });
                if (await command.ExecuteNonQueryAsync(cancellationToken) == 1) lease.Value = until;
            }
            catch (OperationCanceledException) { return; }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(e, "Due work {Id} ({Kind}): lease not renewed, trying again", item.Id, item.Kind);
            }
        }
    }

    /// <summary>A deferred item waited for something outside it (a budget, a store's backoff): that never counts toward failing it.</summary>
    private async Task RecordAsync(DueWorkItem item, DueWorkOutcome outcome, bool deferred, CancellationToken cancellationToken)
    {
        var status = outcome.RetryAt is null ? "done" : !deferred && item.Attempt >= _settings.MaxAttempts ? "failed" : "pending";
        await using var command = dataSource.CreateCommand(
            $"""
            update {store.Schema}.due_work
            set status = $2, next_attempt_at = coalesce($3, next_attempt_at), leased_until = null, last_error = $4,
                finished_at = case when $2 = 'pending' then null else $5 end, attempts = attempts - $6
            where id = $1
            """);
        command.Parameters.Add(new() { Value = item.Id });
        command.Parameters.Add(new() { Value = status });
        command.Parameters.Add(new() { Value = (object?)outcome.RetryAt?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = (object?)outcome.Reason ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = time.GetUtcNow() });
        command.Parameters.Add(new() { Value = deferred ? 1 : 0 });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
