using Marten;
using TrayBridge.Api.Tray;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.ServiceDefaults.Persistence;

namespace TrayBridge.TrayConnector.Features.Orders;

/// <summary>An imported order that Tray later cancels or edits (items, money, buyer, address) must not be invoiced as it
/// was imported: the change is published once as <c>TrayOrderChanged</c>, and an edit shows as <c>Divergente</c>.
/// A status moving on (paid, shipped) is not a change of content.</summary>
public static class OrderChangeDetection
{
    public static void Check(MirroredOrder row, IDocumentSession session, DateTimeOffset now)
    {
        if (row.SalesOrderId is null || row.ImportedHash is null) return;
        var edited = row.ContentHash != row.ImportedHash;
        var cancelled = row.Cancelled && !row.ImportedCancelled;
        var tellEdit = edited && row.ChangeNotifiedHash != row.ContentHash;
        var tellCancel = cancelled && !row.CancellationNotified;
        if (edited && !row.Cancelled)
        {
            row.Situation = OrderSituation.Divergente;
            row.SetReason(OrderReasonCodes.ChangedOnTray, "Pedido alterado na Tray depois da importação: importe-o de novo para levar o conteúdo novo.");
        }
        if (!tellEdit && !tellCancel) return;
        if (tellEdit) row.ChangeNotifiedHash = row.ContentHash;
        if (tellCancel) row.CancellationNotified = true;
        session.AppendIntegrationEvent(Guid.CreateVersion7(),
            new TrayOrderChanged(session.TenantId, row.StoreId, row.TrayOrderId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                row.Status, row.Cancelled, now) { ContentChanged = edited });
    }
}
