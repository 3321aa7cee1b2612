using Marten;
using MassTransit;
using TrayBridge.Contracts.Invoicing;
using TrayBridge.Contracts.Orders;
using TrayBridge.Orders.Domain;
using TrayBridge.ServiceDefaults.Messaging;
using TrayBridge.ServiceDefaults.Persistence;

namespace TrayBridge.Orders.Features.Invoicing;

/// <summary>SEFAZ cancelled a sales order's NF-e: the order leaves <c>Faturado</c> and may be fixed and invoiced again (a new
/// number) or cancelled. An order Tray had cancelled meanwhile (<c>Cancelado na Tray — NF-e autorizada</c>) was only waiting
/// for this: it becomes <c>Cancelado na Tray</c> and <c>SalesOrderCancelled</c> goes out (stock back, the Tray order's
/// status), in the same commit. Idempotent by MessageId and by key: a redelivery or a second copy changes nothing.</summary>
public sealed class NfeCancelledConsumer(IDocumentStore documents, TimeProvider time, ILogger<NfeCancelledConsumer> logger)
    : IConsumer<NfeCancelled>
{
    public async Task Consume(ConsumeContext<NfeCancelled> context)
    {
        var nfe = context.Message;
        await using var session = documents.LightweightSession(nfe.TenantId);
        if (!await session.TryMarkProcessedAsync(context, nameof(NfeCancelledConsumer), time)) return;
        if (await NfeOutcomes.FindAsync(session, nfe.SalesOrderId, nfe.StoreId, nfe.TrayOrderId, context.CancellationToken) is not { } order)
        {
            logger.LogWarning("Cancelled NF-e {Key} names sales order {Id} (Tray order {TrayOrderId}), which does not exist",
                nfe.ChaveDeAcesso, nfe.SalesOrderId, nfe.TrayOrderId);
            return;
        }
        var outcome = order.RecordNfeCancelled(nfe.ChaveDeAcesso, nfe.Number, nfe.Series, nfe.Protocol, nfe.CancelledAt);
        if (outcome == NfeCancellationOutcome.OrderCancelled)
            session.AppendIntegrationEvent(order.Id, new SalesOrderCancelled(nfe.TenantId, order.StoreId, order.TrayOrderId, order.Id,
                $"Pedido cancelado na Tray (status {order.TrayStatus}); NF-e {nfe.Number} cancelada na SEFAZ.", time.GetUtcNow()));
        // The history keeps even a note the order no longer holds (its mark also stops that note's late NfeIssued).
        session.Store(order);
        await session.SaveChangesAsync(context.CancellationToken);
    }
}
