using Marten;
using MassTransit;
using TrayBridge.Contracts.Orders;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.Orders.Domain;
using TrayBridge.ServiceDefaults.Persistence;

namespace TrayBridge.Orders.Features.Import;

/// <summary>Tray changed an order after import: cancelled → <c>Cancelado na Tray</c> (and <c>SalesOrderCancelled</c> for
/// whoever would invoice or ship it), edited → <c>Divergente</c>. Neither can be invoiced until resolved. An invoiced order
/// is never cancelled here: its NF-e stands until the merchant cancels it (a fiscal act), so it shows
/// <c>Cancelado na Tray — NF-e autorizada</c> and <c>SalesOrderCancelled</c> waits for <c>NfeCancelled</c>.</summary>
public sealed class TrayOrderChangedConsumer(IDocumentStore documents, TimeProvider time) : IConsumer<TrayOrderChanged>
{
    public const string EditedOnTray = "Pedido alterado na Tray depois da importação: confira itens, valores e endereço.";

    public async Task Consume(ConsumeContext<TrayOrderChanged> context)
    {
        var change = context.Message;
        await using var session = documents.LightweightSession(change.TenantId);
        var id = SalesOrderIds.For(change.TenantId, change.StoreId, change.TrayOrderId);
        if (await session.LoadAsync<SalesOrder>(id, context.CancellationToken) is not { } order) return;
        order.TrayStatus = change.Status;
        if (change.Cancelled && !order.CancelledOnTray)
        {
            order.MarkCancelled();
            // Cancelled in the ERP first (its own event went out then): Tray following it is not a second cancellation.
            if (!order.Invoiced && order.CancelledAt is null)
                session.AppendIntegrationEvent(id, new SalesOrderCancelled(change.TenantId, change.StoreId, change.TrayOrderId, id,
                    $"Pedido cancelado na Tray (status {change.Status}).", time.GetUtcNow()));
        }
        if (change.ContentChanged && order.Divergence is null) order.MarkDivergent(EditedOnTray);
        session.Store(order);
        await session.SaveChangesAsync(context.CancellationToken);
    }
}
