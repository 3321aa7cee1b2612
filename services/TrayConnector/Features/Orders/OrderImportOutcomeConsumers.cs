using MassTransit;
using TrayBridge.Api.Tray;
using TrayBridge.Contracts.Orders;
using TrayBridge.TrayConnector.Features.Activity;
using TrayBridge.TrayConnector.Tray;

namespace TrayBridge.TrayConnector.Features.Orders;

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
            first = row.SalesOrderId is null;
            row.SalesOrderId = imported.SalesOrderId;
            row.ReadyForNfe = imported.ReadyForNfe;
            if (row.Situation is OrderSituation.Importando or OrderSituation.Erro or OrderSituation.NaoIntegrado)
            {
                row.Situation = OrderSituation.Integrado;
                row.SetReason(null, null);
                // Logged with the row's change: a redelivery finds it Integrado already and logs nothing more.
                activity.Record(session, new ActivityLine(imported.StoreId, StoreActivityKinds.OrderImport, StoreActivityResults.Ok,
                    "Pedido importado como pedido de venda.", StoreActivitySubjects.Order, imported.TrayOrderId, imported.TrayOrderId));
            }
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
            if (row.SalesOrderId is not null)
            {
                // A divergent order's re-import failed: it stays divergent, now with the reason.
                if (row.Situation == OrderSituation.Importando) {
                    row.Situation = OrderSituation.Divergente;
                    row.SetReason(OrderReasonCodes.ImportFailed, failed.Reason);
                }
                return;
            }
            row.Situation = OrderSituation.Erro;
            row.SetReason(OrderReasonCodes.ImportFailed, failed.Reason);
        }, context.CancellationToken);
    }
}
