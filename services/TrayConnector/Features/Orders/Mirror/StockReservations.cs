using Marten;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.Orders.Mirror;

/// <summary>Quantities Tray has already taken from its stock for orders the ERP has not imported yet (every mirrored
/// order not cancelled and not imported): a stock push of ERP stock alone would give them back to Tray and oversell.</summary>
public sealed class StockReservations(IReadOnlyList<MirroredOrderItem> items)
{
    /// <summary>One query per product: the product and each of its variants are then answered from memory.</summary>
    public static async Task<StockReservations> OfProductAsync(IQuerySession session, string storeId, string trayProductId,
        CancellationToken cancellationToken)
    {
        var orders = await session.Query<MirroredOrder>()
            .Where(o => o.StoreId == storeId && o.SalesOrderId == null && !o.Cancelled && o.Items.Any(i => i.TrayProductId == trayProductId))
            .ToListAsync(cancellationToken);
        return new StockReservations(orders.SelectMany(o => o.Items).Where(i => i.TrayProductId == trayProductId).ToList());
    }

    /// <summary>What to tell Tray for the product (<paramref name="trayVariantId"/> null) or one variant: ERP stock less
    /// the reservations, never below zero.</summary>
    public decimal StockForTray(decimal erpStock, string? trayVariantId = null) =>
        Math.Max(0, erpStock - items.Where(i => trayVariantId is null || i.TrayVariantId == trayVariantId).Sum(i => i.Quantity));
}
