using Marten;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.Orders.Polling;

public static class OrderPolling
{
    /// <summary>Makes a poll of the store due at <paramref name="at"/>, in the caller's session, superseding any other.</summary>
    public static async Task StartAsync(IDocumentSession session, DueWorkScheduler scheduler, string storeId, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var state = await session.LoadAsync<OrderPollState>(storeId, cancellationToken) ?? new OrderPollState { Id = storeId };
        state.CurrentRunId = scheduler.Schedule(session, OrderPoll.DueWorkKind, new OrderPoll.Payload(storeId), at, partitionKey: storeId);
        session.Store(state);
    }
}
