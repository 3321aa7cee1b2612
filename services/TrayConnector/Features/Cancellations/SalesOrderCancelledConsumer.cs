using Marten;
using MassTransit;
using TrayBridge.Contracts.Orders;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.Cancellations;

/// <summary>Records a sales order's cancellation and schedules moving its Tray order to the store's cancelled status, in one
/// commit, behind the order's invoice and shipment sends (same ordering key) at the invoice's priority. Once per Tray order:
/// the natural key makes a redelivery, a second copy or a second cancellation change nothing.</summary>
public sealed class SalesOrderCancelledConsumer(IDocumentStore documents, DueWorkScheduler scheduler, TimeProvider time,
    ILogger<SalesOrderCancelledConsumer> logger) : IConsumer<SalesOrderCancelled>
{
    public async Task Consume(ConsumeContext<SalesOrderCancelled> context)
    {
        var cancelled = context.Message;
        await using var session = documents.LightweightSession(cancelled.TenantId);
        var id = OrderCancellation.IdFor(cancelled.StoreId, cancelled.TrayOrderId);
        if (await session.LoadAsync<OrderCancellation>(id, context.CancellationToken) is not null) return;
        var now = time.GetUtcNow();
        session.Insert(OrderCancellation.From(cancelled, now));
        scheduler.Schedule(session, SendOrderCancellation.DueWorkKind, new SendOrderCancellation.Payload(id), now, partitionKey: cancelled.StoreId,
            orderingKey: Shipments.SalesOrderShippedConsumer.OrderKey(cancelled.StoreId, cancelled.TrayOrderId));
        try
        {
            await session.SaveChangesAsync(context.CancellationToken);
        }
        catch (Exception e) when (WriteConflicts.IsConflict(e))
        {
            logger.LogInformation("Another copy of SalesOrderCancelled for Tray order {Order} got there first", cancelled.TrayOrderId);
        }
    }
}
