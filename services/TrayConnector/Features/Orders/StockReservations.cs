using Marten;

namespace TrayBridge.TrayConnector.Features.Orders;

/// <summary>Quantities Tray has already taken from its stock for orders the ERP has not imported yet (every mirrored
/// order not cancelled and not imported): a stock push of ERP stock alone would give them back to Tray and oversell.</summary>
public static class StockReservations
{
    public static async Task<decimal> OfAsync(IQuerySession session, string storeId, string trayProductId, string? trayVariantId,
        CancellationToken cancellationToken)
    {
        var orders = await session.Query<MirroredOrder>()
            .Where(o => o.StoreId == storeId && o.SalesOrderId == null && !o.Cancelled && o.Items.Any(i => i.TrayProductId == trayProductId))
            .ToListAsync(cancellationToken);
        return orders.SelectMany(o => o.Items)
            .Where(i => i.TrayProductId == trayProductId && (trayVariantId is null || i.TrayVariantId == trayVariantId))
            .Sum(i => i.Quantity);
    }

    /// <summary>What to tell Tray: ERP stock less the reservations, never below zero.</summary>
    public static decimal StockForTray(decimal erpStock, decimal reserved) => Math.Max(0, erpStock - reserved);
}
