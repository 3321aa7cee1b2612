using MassTransit;
using TrayBridge.Api.Tray;
using TrayBridge.Contracts.Orders;

namespace TrayBridge.TrayConnector.Features.Orders;

/// <summary>The mirror row shows what the Orders service made of an import. Applying the same outcome twice changes
/// nothing, so redelivery needs no record of its own.</summary>
public sealed class OrderImportedConsumer(OrderMirror mirror, TimeProvider time) : IConsumer<OrderImported>
{
    public Task Consume(ConsumeContext<OrderImported> context)
    {
        var imported = context.Message;
        return mirror.UpdateAsync(imported.TenantId, imported.StoreId, imported.TrayOrderId, (row, session) =>
        {
            row.SalesOrderId = imported.SalesOrderId;
            row.ReadyForNfe = imported.ReadyForNfe;
            if (row.Situation is OrderSituation.Importando or OrderSituation.Erro or OrderSituation.NaoIntegrado)
            {
                row.Situation = OrderSituation.Integrado;
                row.SetReason(null, null);
            }
            // Tray may have changed the order between our read and the sales order's creation.
            OrderChangeDetection.Check(row, session, time.GetUtcNow());
        }, context.CancellationToken);
    }
}

public sealed class OrderImportFailedConsumer(OrderMirror mirror) : IConsumer<OrderImportFailed>
{
    public Task Consume(ConsumeContext<OrderImportFailed> context)
    {
        var failed = context.Message;
        return mirror.UpdateAsync(failed.TenantId, failed.StoreId, failed.TrayOrderId, row =>
        {
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
