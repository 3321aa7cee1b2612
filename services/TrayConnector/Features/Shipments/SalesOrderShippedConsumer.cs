using Marten;
using MassTransit;
using TrayBridge.Contracts.Orders;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.Shipments;

/// <summary>Records the dispatch to send and schedules its sending in the same commit. The same data again (a redelivery, a
/// re-publication) changes nothing; newer data replaces it and is sent again; older data arriving late is ignored. Two copies
/// at once collide (primary key or optimistic version) and the loser's retry finds the winner's row.</summary>
public sealed class SalesOrderShippedConsumer(IDocumentStore documents, DueWorkScheduler scheduler, TimeProvider time,
    ILogger<SalesOrderShippedConsumer> logger) : IConsumer<SalesOrderShipped>
{
    /// <summary>The due-work ordering key of a Tray order's invoice and shipment sends: they move its status, in that order.</summary>
    public static string OrderKey(string storeId, string trayOrderId) => $"order:{storeId}:{trayOrderId}";

    public async Task Consume(ConsumeContext<SalesOrderShipped> context)
    {
        var shipped = context.Message;
        await using var session = documents.LightweightSession(shipped.TenantId);
        var id = ShipmentDelivery.IdFor(shipped.StoreId, shipped.TrayOrderId);
        var delivery = await session.LoadAsync<ShipmentDelivery>(id, context.CancellationToken);
        if (delivery is not null && (delivery.Carries(shipped) || delivery.RecordedAt > shipped.OccurredAt))
        {
            logger.LogInformation("Dispatch of Tray order {Order} already recorded (or newer): nothing to do", shipped.TrayOrderId);
            return;
        }
        var now = time.GetUtcNow();
        if (delivery is null)
        {
            delivery = new ShipmentDelivery { Id = id, StoreId = shipped.StoreId, TrayOrderId = shipped.TrayOrderId };
            delivery.Take(shipped, now);
            session.Insert(delivery);
        }
        else
        {
            delivery.Take(shipped, now);
            session.Update(delivery);
        }
        // After any invoice of the order still being sent: Tray's status must move to invoiced before shipped.
        scheduler.Schedule(session, SendShipment.DueWorkKind, new SendShipment.Payload(id), now, partitionKey: shipped.StoreId,
            orderingKey: OrderKey(shipped.StoreId, shipped.TrayOrderId));
        await session.SaveChangesAsync(context.CancellationToken);
    }
}
