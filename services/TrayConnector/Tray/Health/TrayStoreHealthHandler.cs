using Polly.CircuitBreaker;
using Polly.Timeout;
using TrayBridge.TrayConnector.Tray.Budget;

namespace TrayBridge.TrayConnector.Tray.Health;

/// <summary>Outside the resilience pipeline: background work (due work, consumers) for a store whose Tray is failing is
/// refused before any call until the store's backoff ends, so a dead store's work never occupies the runner; a call that
/// still fails after the pipeline's retries counts one failure, and the first success ends the backoff. A person's own
/// request (e.g. "Testar conexão") is always sent: it is how a merchant sees that Tray is back. A failure is a connection
/// refused or dropped, a timeout, an open circuit or a 5xx.</summary>
public sealed class TrayStoreHealthHandler(TrayStoreHealth health, IHttpContextAccessor people, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(TrayCall.Key, out var call)) return await base.SendAsync(request, cancellationToken);
        var known = await health.OfAsync(call.StoreHost, call.StoreId, cancellationToken);
        if (known is not null && known.RetryAt > time.GetUtcNow() && !PersonWaits.For(people))
            throw new TrayStoreBackingOffException(call.StoreId, known);
        // Only safe methods count: they went through every retry of the pipeline first. An unsafe call is never retried
        // there, and its 5xx or dropped answer is reconciled by its caller (it may have been applied), not a dead store.
        var counts = request.Method == HttpMethod.Get || request.Method == HttpMethod.Head;
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (counts && (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
                                               || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested)))
        {
            await health.FailedAsync(call.StoreHost, call.StoreId, TrayProblems.Describe(e is HttpRequestException ? e : new HttpRequestException(e.Message)),
                CancellationToken.None);
            throw;
        }
        if (counts && (int)response.StatusCode >= 500)
            await health.FailedAsync(call.StoreHost, call.StoreId, $"a Tray respondeu {(int)response.StatusCode}", CancellationToken.None);
        else if (known is not null)
            await health.RecoveredAsync(call.StoreHost, call.StoreId, CancellationToken.None);
        return response;
    }
}
