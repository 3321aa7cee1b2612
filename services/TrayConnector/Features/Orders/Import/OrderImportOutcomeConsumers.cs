using MassTransit;
using TrayBridge.Contracts.Orders;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Features.Orders.Changes;
using TrayBridge.TrayConnector.Features.Orders.Mirror;

namespace TrayBridge.TrayConnector.Features.Orders.Import;

/// <summary>The mirror row shows what the Orders service made of an import. Applying the same outcome twice changes
/// nothing, so redelivery needs no record of its own.</summary>
public sealed class OrderImportedConsumer(OrderMirror mirror, TimeProvider time, TrayMetrics metrics) : IConsumer<OrderImported>
{
    public async Task Consume(ConsumeContext<OrderImported> context)
    {
        var imported = context.Message;
        var first = false;
        await mirror.UpdateAsync(imported.TenantId, imported.StoreId, imported.TrayOrderId, (row, session) =>
        {
            // Counted once per order: a redelivery, or a re-import of a divergent order, finds the sales order already there.
            first = row.Imported(imported.SalesOrderId);
            // Tray may have changed the order between our read and the sales order's creation.
            OrderChangeDetection.Check(row, session, time.GetUtcNow());
        }, context.CancellationToken);
        if (first) metrics.OrderImported("imported");
    }
}

public sealed class OrderImportFailedConsumer(OrderMirror mirror, TrayMetrics metrics) : IConsumer<OrderImportFailed>
{
    public async Task Consume(ConsumeContext<OrderImportFailed> context)
    {
        var failed = context.Message;
        metrics.OrderImported("failed"); // per refusal received: a rare redelivery counts again (a rate, not a ledger)
        await mirror.UpdateAsync(failed.TenantId, failed.StoreId, failed.TrayOrderId, row => row.ImportFailed(failed.Reason),
            context.CancellationToken);
    }
}
