using TrayBridge.TraySimulator.Catalog;
using TrayBridge.TraySimulator.Stores;

namespace TrayBridge.TraySimulator.Sales;

/// <summary>
/// Changes to the items of a placed order, keeping stock right: while the order holds stock (see <see cref="OrderBook"/>)
/// what is added is taken and what is removed is given back. Callers hold the store's lock and bump <c>modified</c>.
/// </summary>
public static class OrderItems
{
    /// <summary>A cancelled order is closed to edits, as its status says (<c>allow_edit_order</c> "0").</summary>
    public static bool Editable(Store store, Order order) => store.Statuses.GetValueOrDefault(order.StatusId) is not { Cancels: true };

    public static void Add(Store store, Order order, OrderItem item)
    {
        order.Items.Add(item);
        Move(store, order, item, item.Quantity);
    }

    public static void Remove(Store store, Order order, OrderItem item)
    {
        order.Items.Remove(item);
        Move(store, order, item, -item.Quantity);
    }

    /// <summary>Another quantity on the same line (same ProductsSold id and place); 0 removes it.</summary>
    public static void SetQuantity(Store store, Order order, OrderItem item, decimal quantity)
    {
        if (quantity <= 0)
        {
            Remove(store, order, item);
            return;
        }
        order.Items[order.Items.IndexOf(item)] = item with { Quantity = quantity };
        Move(store, order, item, quantity - item.Quantity);
    }

    private static void Move(Store store, Order order, OrderItem item, decimal quantity)
    {
        if (order.StockTaken && quantity != 0) Stock.Move(store, item.ProductId, item.VariantId, quantity);
    }
}
