using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.ServiceDefaults.DueWork;

/// <summary>Claims due rows with <c>FOR UPDATE SKIP LOCKED</c> plus a lease (so two hosts never take the same row),
/// runs each one's handler in a scope carrying the row's tenant, and records the outcome on the row.</summary>
public sealed class DueWorkRunner(NpgsqlDataSource dataSource, ServiceStore store, IServiceScopeFactory scopes,
    IOptions<DueWorkSettings> options, TimeProvider time, ILogger<DueWorkRunner> logger) : BackgroundService
{
    private readonly DueWorkSettings _settings = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var items = await ClaimAsync(stoppingToken);
                foreach (var item in items) await RunAsync(item, stoppingToken);
                if (items.Count == _settings.BatchSize) continue;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(e, "Due work: database unavailable, trying again shortly");
            }
            try { await Task.Delay(_settings.PollInterval, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    private async Task<List<DueWorkItem>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var command = dataSource.CreateCommand(
            $"""
            update {store.Schema}.due_work set leased_until = $1, attempts = attempts + 1
            where id in (select id from {store.Schema}.due_work
                         where status = 'pending' and next_attempt_at <= $2 and (leased_until is null or leased_until <= $2)
                         order by next_attempt_at limit $3 for update skip locked)
            returning id, tenant_id, kind, payload::text, attempts
            """);
        command.Parameters.Add(new() { Value = now + _settings.Lease });
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = _settings.BatchSize });
        var items = new List<DueWorkItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            items.Add(new DueWorkItem(reader.GetGuid(0), reader.GetString(1), reader.GetString(2),
                JsonSerializer.Deserialize<JsonElement>(reader.GetString(3)), reader.GetInt32(4)));
        return items;
    }

    private async Task RunAsync(DueWorkItem item, CancellationToken cancellationToken)
    {
        DueWorkOutcome outcome;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(item.TenantId);
            var handler = scope.ServiceProvider.GetServices<IDueWorkHandler>().SingleOrDefault(h => h.Kind == item.Kind)
                ?? throw new InvalidOperationException($"No handler for due work kind '{item.Kind}'.");
            outcome = await handler.HandleAsync(item, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Due work {Id} ({Kind}) attempt {Attempt} failed", item.Id, item.Kind, item.Attempt);
            var backoff = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, item.Attempt), _settings.MaxBackoff.TotalSeconds));
            outcome = DueWorkOutcome.Retry(time.GetUtcNow() + backoff, e.Message);
        }
        await RecordAsync(item, outcome, cancellationToken);
    }

    private async Task RecordAsync(DueWorkItem item, DueWorkOutcome outcome, CancellationToken cancellationToken)
    {
        var status = outcome.RetryAt is null ? "done" : item.Attempt >= _settings.MaxAttempts ? "failed" : "pending";
        await using var command = dataSource.CreateCommand(
            $"""
            update {store.Schema}.due_work
            set status = $2, next_attempt_at = coalesce($3, next_attempt_at), leased_until = null, last_error = $4,
                finished_at = case when $2 = 'pending' then null else $5 end
            where id = $1
            """);
        command.Parameters.Add(new() { Value = item.Id });
        command.Parameters.Add(new() { Value = status });
        command.Parameters.Add(new() { Value = (object?)outcome.RetryAt?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = (object?)outcome.Reason ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = time.GetUtcNow() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
