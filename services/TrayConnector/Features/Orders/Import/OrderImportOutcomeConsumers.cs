using MassTransit;
using TrayBridge.TrayConnector.Domain;
using TrayBridge.Api.Tray;
using TrayBridge.Contracts.Orders;
using TrayBridge.TrayConnector.Features.Activity;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Features.Orders.Changes;
using TrayBridge.TrayConnector.Features.Orders.Mirror;

namespace TrayBridge.TrayConnector.Features.Orders.Import;

/// <summary>The mirror row shows what the Orders service made of an import. Applying the same outcome twice changes
/// nothing, so redelivery needs no record of its own.</summary>
public sealed class OrderImportedConsumer(OrderMirror mirror, TimeProvider time, TrayMetrics metrics, StoreActivityLog activity) : IConsumer<OrderImported>
{
    public async Task Consume(ConsumeContext<OrderImported> context)
    {
        var imported = context.Message;
        var first = false;
        await mirror.UpdateAsync(imported.TenantId, imported.StoreId, imported.TrayOrderId, (row, session) =>
        {
            // Counted once per order: a redelivery, or a re-import of a divergent order, finds the sales order already there.
            var before = row.Situation;
            first = row.Imported(imported.SalesOrderId);
            // Logged with the row's change: a redelivery finds it Integrado already and logs nothing more.
            if (before != OrderSituation.Integrado && row.Situation == OrderSituation.Integrado)
                activity.Record(session, new ActivityLine(imported.StoreId, StoreActivityKinds.OrderImport, StoreActivityResults.Ok,
                    "Pedido importado como pedido de venda.", StoreActivitySubjects.Order, imported.TrayOrderId, imported.TrayOrderId));
            // Tray may have changed the order between our read and the sales order's creation.
            OrderChangeDetection.Check(row, session, time.GetUtcNow());
        }, context.CancellationToken);
        if (first) metrics.OrderImported("imported");
    }
}

public sealed class OrderImportFailedConsumer(OrderMirror mirror, TrayMetrics metrics, StoreActivityLog activity) : IConsumer<OrderImportFailed>
{
    public async Task Consume(ConsumeContext<OrderImportFailed> context)
    {
        var failed = context.Message;
        metrics.OrderImported("failed"); // per refusal received: a rare redelivery counts again (a rate, not a ledger)
        await mirror.UpdateAsync(failed.TenantId, failed.StoreId, failed.TrayOrderId, (row, session) =>
        {
            if (row.Situation == OrderSituation.Importando)
                activity.Record(session, new ActivityLine(failed.StoreId, StoreActivityKinds.OrderImport, StoreActivityResults.Error,
                    failed.Reason, StoreActivitySubjects.Order, failed.TrayOrderId, failed.TrayOrderId));
            row.ImportFailed(failed.Reason);
        }, context.CancellationToken);
    }
}
