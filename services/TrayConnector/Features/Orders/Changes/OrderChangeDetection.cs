using Marten;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.Orders.Changes;

/// <summary>A change Tray made to an imported order (<see cref="MirroredOrder.DetectChange"/>) is published as
/// <c>TrayOrderChanged</c> with the row's save, so it is told exactly when the row records it was told.</summary>
public static class OrderChangeDetection
{
    public static void Check(MirroredOrder row, IDocumentSession session, DateTimeOffset now)
    {
        if (row.DetectChange(session.TenantId, now) is { } change) session.AppendIntegrationEvent(Guid.CreateVersion7(), change);
    }
}
