namespace TrayBridge.TrayConnector.Tray.Budget;

/// <summary>Sits inside the retry pipeline: each attempt reserves its slot, then waits for it.</summary>
public sealed class TrayBudgetHandler(TrayBudget budget, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(TrayCall.Key, out var call))
            throw new InvalidOperationException("A Tray request must say which store's budget it spends (TrayCall).");
        var slot = await budget.ReserveAsync(call.StoreId, call.DailyLimit, call.Priority, cancellationToken);
        var wait = slot - time.GetUtcNow();
        if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
