using Microsoft.Extensions.Options;
using Npgsql;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Tray.Json;

namespace TrayBridge.TrayConnector.Tray.Budget;

/// <summary>Tray's budgets, enforced before calling, across replicas, in PostgreSQL. Pacing is GCRA with no burst:
/// each call reserves the next free slot of its scope (one call per <see cref="BudgetSettings.Interval"/>), so no window
/// ever holds more than the limit. The day's counter is per store and São Paulo calendar day, capped per priority. "A store"
/// is a registration, (API host, store id), in both: see <see cref="TrayCall"/>.</summary>
public sealed class TrayBudget(NpgsqlDataSource dataSource, ServiceStore store, IOptions<TraySettings> options, TimeProvider time)
{
    private readonly BudgetSettings _settings = options.Value.Budget;

    /// <summary>How late after its slot a call may still go out: a quarter of the spacing between calls.</summary>
    public TimeSpan LateTolerance => _settings.Interval / 4;

    /// <summary>Reserves one call: returns when to send it (now or shortly), or throws <see cref="TrayBudgetExhaustedException"/>
    /// with when to try again. Nothing is used when it throws. <paramref name="countToday"/> is false when the same call
    /// only needs a new slot (it was counted for the day already). <paramref name="maxWait"/> (default
    /// <see cref="BudgetSettings.MaxWait"/>) is how far away the slot may be; beyond it the exception says when the next
    /// slot is free.</summary>
    public async Task<DateTimeOffset> ReserveAsync(string storeHost, string storeId, int dailyLimit, TrayPriority priority, CancellationToken cancellationToken,
        bool countToday = true, TimeSpan? maxWait = null)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TrayLocalTimeConverter.ToSaoPaulo(now));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var cap = (int)Math.Floor(dailyLimit * priority.DailyCeiling());
        await using var daily = new NpgsqlCommand(
            $"""
            insert into {store.Schema}.{BudgetTables.Daily} as d (api_host, store_id, day, used) values ($4, $1, $2, 1)
            on conflict (api_host, store_id, day) do update set used = d.used + 1 where d.used < $3
            returning used
            """, connection, transaction);
        daily.Parameters.Add(new() { Value = storeId });
        daily.Parameters.Add(new() { Value = today });
        daily.Parameters.Add(new() { Value = cap });
        daily.Parameters.Add(new() { Value = storeHost });
        if (countToday && await daily.ExecuteScalarAsync(cancellationToken) is null)
            throw new TrayBudgetExhaustedException(storeId, NextSaoPauloMidnight(today), $"the day's budget for {priority} is used ({cap} of {dailyLimit})");

        var scope = _settings.Scope == RateLimitScope.PerApp ? "app" : $"store:{storeHost}/{storeId}";
        await using var pacing = new NpgsqlCommand(
            $"""
            insert into {store.Schema}.{BudgetTables.Pacing} as p (scope, next_slot) values ($1, $2 + $3)
            on conflict (scope) do update set next_slot = greatest(p.next_slot, $2) + $3 where greatest(p.next_slot, $2) - $2 <= $4
            returning next_slot - $3
            """, connection, transaction);
        pacing.Parameters.Add(new() { Value = scope });
        pacing.Parameters.Add(new() { Value = now });
        pacing.Parameters.Add(new() { Value = _settings.Interval });
        pacing.Parameters.Add(new() { Value = maxWait ?? _settings.MaxWait });
        if (await pacing.ExecuteScalarAsync(cancellationToken) is not DateTime slot)
        {
            await transaction.RollbackAsync(cancellationToken);
            throw new TrayBudgetExhaustedException(storeId, await NextFreeSlotAsync(scope, now, maxWait ?? _settings.MaxWait, cancellationToken),
                "the per-minute budget is booked beyond the wait limit");
        }
        await transaction.CommitAsync(cancellationToken);
        return new DateTimeOffset(DateTime.SpecifyKind(slot, DateTimeKind.Utc));
    }

    /// <summary>When the scope's line ends: parked work comes back about then, not a fixed wait later.</summary>
    private async Task<DateTimeOffset> NextFreeSlotAsync(string scope, DateTimeOffset now, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select next_slot from {store.Schema}.{BudgetTables.Pacing} where scope = $1");
        command.Parameters.Add(new() { Value = scope });
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime next
            ? new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc)) - maxWait / 2
            : now + maxWait;
    }

    /// <summary>Calls used today by one registration, for the stores page.</summary>
    public async Task<int> UsedTodayAsync(string storeHost, string storeId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select coalesce(sum(used), 0)::int from {store.Schema}.{BudgetTables.Daily} where api_host = $3 and store_id = $1 and day = $2");
        command.Parameters.Add(new() { Value = storeId });
        command.Parameters.Add(new() { Value = DateOnly.FromDateTime(TrayLocalTimeConverter.ToSaoPaulo(time.GetUtcNow())) });
        command.Parameters.Add(new() { Value = storeHost });
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static DateTimeOffset NextSaoPauloMidnight(DateOnly today) =>
        TrayLocalTimeConverter.FromSaoPaulo(today.AddDays(1).ToDateTime(TimeOnly.MinValue));
}
