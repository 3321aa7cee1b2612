namespace TrayBridge.TrayConnector.Tray.Budget;

/// <summary>Sits inside the retry pipeline: each attempt reserves its slot, then waits for it. A request that wakes up
/// well after its slot (a busy machine) takes a fresh one instead: sent late, it would land among the next slots' requests
/// and crowd Tray's window.</summary>
public sealed class TrayBudgetHandler(TrayBudget budget, TimeProvider time) : DelegatingHandler
{
    private const int MaxLateRetries = 5;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(TrayCall.Key, out var call))
            throw new InvalidOperationException("A Tray request must say which store's budget it spends (TrayCall).");
        for (var late = 0; ; late++)
        {
            var slot = await budget.ReserveAsync(call.StoreHost, call.StoreId, call.DailyLimit, call.Priority, cancellationToken, countToday: late == 0);
            var wait = slot - time.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
            if (time.GetUtcNow() - slot <= budget.LateTolerance || late == MaxLateRetries) break;
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
