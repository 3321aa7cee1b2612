using Microsoft.Extensions.Options;
using Npgsql;
using TrayBridge.Api.Tray;
using TrayBridge.TrayConnector.Features.Activity;

namespace TrayBridge.TrayConnector.Tray.Budget;

/// <summary>Sits inside the retry pipeline: each attempt reserves its slot, then waits for it. A request that wakes up
/// well after its slot (a busy machine) takes a fresh one instead: sent late, it would land among the next slots' requests
/// and crowd Tray's window. Only a person's own request waits long in line: background work whose slot is further than
/// <see cref="BudgetSettings.MaxQueuedWait"/> is parked until it (<see cref="TrayBudgetExhaustedException"/>), so a store
/// waiting for its slot never holds a due-work or consumer slot another store needs.</summary>
public sealed class TrayBudgetHandler(TrayBudget budget, IHttpContextAccessor people, IOptions<TraySettings> options, TimeProvider time,
    TrayMetrics metrics, StoreActivityLog activity, NpgsqlDataSource dataSource, ILogger<TrayBudgetHandler> logger)
    : DelegatingHandler
{
    private const int MaxLateRetries = 5;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(TrayCall.Key, out var call))
            throw new InvalidOperationException("A Tray request must say which store's budget it spends (TrayCall).");
        TimeSpan? maxWait = PersonWaits.For(people) ? null : options.Value.Budget.MaxQueuedWait;
        var bucket = TrayMetrics.BucketOf(call.StoreHost, call.StoreId);
        var waited = TimeSpan.Zero;
        for (var late = 0; ; late++)
        {
            DateTimeOffset slot;
            try
            {
                slot = await budget.ReserveAsync(call.StoreHost, call.StoreId, call.DailyLimit, call.Priority, cancellationToken, countToday: late == 0, maxWait);
            }
            catch (TrayBudgetExhaustedException e)
            {
                metrics.BudgetWait(bucket, "parked", waited);
                await CountParkedAsync(call, e);
                throw;
            }
            var wait = slot - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
                waited += wait;
            }
            if (time.GetUtcNow() - slot <= budget.LateTolerance || late == MaxLateRetries) break;
        }
        if (waited > TimeSpan.Zero) metrics.BudgetWait(bucket, "queued", waited);
        // Every attempt that reaches the wire counts, as it spends Tray's budget: retries and token refreshes included.
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            metrics.TrayCall(bucket, (int)response.StatusCode);
            return response;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.TrayCall(bucket, null);
            throw;
        }
    }

    /// <summary>Work put off for the budget: counted on the store's "aguardando cota" line of the minute (one row however many
    /// wait). Only a count, never the call's outcome: a failure to write it must not fail the call.</summary>
    private async Task CountParkedAsync(TrayCall call, TrayBudgetExhaustedException e)
    {
        if (call.TenantId is null) return;
        try
        {
            await activity.CountAsync(dataSource, call.TenantId, new ActivityLine(call.StoreId, StoreActivityKinds.BudgetWait,
                StoreActivityResults.Waiting, $"Aguardando cota da Tray até {TrayProblems.SaoPaulo(e.RetryAt)}"), CancellationToken.None);
        }
        catch (Exception failure) when (failure is NpgsqlException or TimeoutException)
        {
            logger.LogWarning(failure, "Budget wait of store {StoreId} not counted in its activity log", call.StoreId);
        }
    }
}
