using Marten;
using Microsoft.Extensions.Options;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Features.Stores;
using TrayBridge.TrayConnector.Tray.Auth;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Json;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Domain;
using TrayBridge.TrayConnector.Features.Orders.Mirror;
using TrayBridge.TrayConnector.Features.Orders.StatusMap;

namespace TrayBridge.TrayConnector.Features.Orders.Polling;

/// <summary>One poll of a store's orders. Tray filters by São Paulo day only, so a poll lists today and yesterday by
/// <c>modified</c> (the overlap catches late-day changes), records new rows from the list at once, and reads
/// <c>/complete</c> only for orders whose <c>modified</c> differs from the mirror's. The first poll lists the backfill
/// window by <c>date</c>. A store whose Tray misread a date range is listed one day at a time from then on
/// (<see cref="OrderPollState.DateRangeMisreading"/>). Due work's lease means one replica polls a store at a time.</summary>
public sealed class OrderPoll(IDocumentStore documents, OrderRangeListing ranges, OrderListing listing, OrderMirror mirror, OrderStatusReader statuses, DueWorkScheduler scheduler,
    IOptions<OrderSettings> options, TimeProvider time, ILogger<OrderPoll> logger) : IDueWorkHandler
{
    public const string DueWorkKind = "tray.orders-poll";

    public sealed record Payload(string StoreId);

    public string Kind => DueWorkKind;

    public async Task<DueWorkOutcome> HandleAsync(DueWorkItem item, CancellationToken cancellationToken)
    {
        var storeId = item.PayloadAs<Payload>().StoreId;
        var settings = options.Value;
        OrderPollState? current;
        OrderStatusMap? map;
        await using (var query = documents.QuerySession(item.TenantId))
        {
            current = await query.LoadAsync<OrderPollState>(storeId, cancellationToken);
            if (current is null || current.CurrentRunId != item.Id) return DueWorkOutcome.Done; // superseded
            if (await query.LoadAsync<TrayStore>(storeId, cancellationToken) is null) return DueWorkOutcome.Done; // store removed
            map = await query.LoadAsync<OrderStatusMap>(storeId, cancellationToken);
        }
        var started = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TrayLocalTimeConverter.ToSaoPaulo(started));
        string? error = null;
        var finished = false;
        var seen = 0;
        DateRangeMisreading? misreading = null;
        var backfill = !current.BackfillDone;
        try
        {
            // Statuses first: which ones cancel, and which are imported automatically, decide what the mirror does.
            if (map is null || time.GetUtcNow() - map.RefreshedAt > OrderStatusReader.MaxAge)
                await statuses.RefreshAsync(item.TenantId, storeId, TrayPriority.Polling, cancellationToken);
            var (rows, misread) = await ranges.ListAsync(item.TenantId, storeId, backfill ? "date" : "modified",
                backfill ? today.AddDays(-settings.BackfillDays) : today.AddDays(-1), today, current.DateRangeMisreading is not null, cancellationToken);
            misreading = misread;
            seen = rows.Count;
            var stale = await listing.RecordNewAsync(item.TenantId, storeId, rows, cancellationToken);
            var listed = rows.Where(r => r.Id("id") is not null).DistinctBy(r => r.Id("id")).ToDictionary(r => r.Id("id")!);
            foreach (var trayOrderId in stale)
            {
                if (time.GetUtcNow() - started > settings.MaxRunDuration) break;
                await mirror.RefreshAsync(item.TenantId, storeId, trayOrderId, TrayPriority.Polling, cancellationToken,
                    listRow: listed.GetValueOrDefault(trayOrderId));
            }
            finished = time.GetUtcNow() - started <= settings.MaxRunDuration;
        }
        catch (TrayBudgetExhaustedException e)
        {
            return DueWorkOutcome.Retry(e.RetryAt, "aguardando cota");
        }
        catch (Exception e) when (e is TrayApiException or StoreUnavailableException or HttpRequestException)
        {
            error = e.Message;
            logger.LogWarning("Polling orders of store {StoreId} failed: {Reason}", storeId, e.Message);
        }
        // Earlier polls of a range read as its first day only missed orders: the backfill is run again, one day at a time.
        var backfillAgain = misreading == DateRangeMisreading.FirstDayOnly && !backfill;
        await ScheduleNextAsync(item, storeId, finished && !backfillAgain, seen, error, misreading,
            finished && !backfillAgain ? time.GetUtcNow() + settings.PollInterval : time.GetUtcNow(), cancellationToken);
        return DueWorkOutcome.Done;
    }

    /// <summary>Hands over to the next run; if polling was restarted meanwhile, that newer chain wins and this one ends.</summary>
    private async Task ScheduleNextAsync(DueWorkItem item, string storeId, bool finished, int seen, string? error, DateRangeMisreading? misreading,
        DateTimeOffset next, CancellationToken cancellationToken)
    {
        await using var session = documents.LightweightSession(item.TenantId);
        var state = await session.LoadAsync<OrderPollState>(storeId, cancellationToken);
        if (state is null || state.CurrentRunId != item.Id) return;
        if (misreading is not null && state.DateRangeMisreading is null)
        {
            logger.LogWarning("Tray misread a date range of store {StoreId} ({Misreading}): it is listed one day at a time from now on", storeId, misreading);
            (state.DateRangeMisreading, state.OneDayAtATimeSince) = (misreading, time.GetUtcNow());
            if (misreading == DateRangeMisreading.FirstDayOnly && !finished) state.BackfillDone = false;
        }
        state.BackfillDone |= finished && error is null;
        state.LastPolledAt = time.GetUtcNow();
        state.LastOrdersSeen = seen;
        state.LastError = error;
        state.CurrentRunId = scheduler.Schedule(session, DueWorkKind, new Payload(storeId), next, partitionKey: storeId);
        session.Store(state);
        try { await session.SaveChangesAsync(cancellationToken); }
        catch (Exception e) when (WriteConflicts.IsConflict(e)) { } // restarted meanwhile: the newer run carries on
    }
}
