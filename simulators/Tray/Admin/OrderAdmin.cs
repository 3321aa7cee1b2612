using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Hosting;
using TrayBridge.TraySimulator.Sales;
using TrayBridge.TraySimulator.Stores;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Admin;

/// <summary>
/// What a store owner does to a placed order in Tray's back office, for tests: each change bumps <c>modified</c> and fires
/// <c>order/update</c> (when webhooks are configured). Reads cost no request budget: they are the tests' reference.
/// </summary>
public sealed class OrderAdmin(StoreRegistry stores, OrderBook book, SimulatorClock clock)
{
    /// <summary>The order as <c>GET /orders/{id}/complete</c> returns it.</summary>
    public JsonObject Complete(string storeId, long orderId)
    {
        var store = Get(storeId);
        lock (store.Sync) return OrderJson.Complete(Find(store, orderId), store);
    }

    /// <summary>Moves the order to the store's cancelled status; stock it held is given back. Returns that status.</summary>
    public string Cancel(string storeId, long orderId)
    {
        var store = Get(storeId);
        OrderStatus cancelled;
        lock (store.Sync)
        {
            var order = Find(store, orderId);
            cancelled = store.Statuses.Values.First(s => s.Cancels);
            book.ChangeStatus(store, order, cancelled);
        }
        book.NotifyUpdate(store, orderId);
        return cancelled.Status;
    }

    /// <summary>
    /// Sets how many of a product (or of one of its variants) the order holds: the line's quantity changes, 0 removes it, and
    /// a product not yet in the order is added at today's price.
    /// </summary>
    public void SetItem(string storeId, long orderId, long productId, long? variantId, decimal quantity)
    {
        if (quantity < 0) throw new ArgumentException("quantity is 0 (remove) or more.");
        var store = Get(storeId);
        lock (store.Sync)
        {
            var order = Find(store, orderId);
            if (!OrderItems.Editable(store, order)) throw new InvalidOperationException($"Order {orderId} is cancelled.");
            var now = clock.GetUtcNow();
            if (order.Items.FirstOrDefault(i => i.ProductId == productId && i.VariantId == (variantId ?? 0)) is { } line)
            {
                OrderItems.SetQuantity(store, order, line, quantity);
            }
            else
            {
                if (quantity == 0) throw new ArgumentException($"Product {productId} is not in order {orderId}.");
                var (item, refusal) = OrderLines.Sell(store, productId, variantId, quantity, TrayTime.Day(now));
                OrderItems.Add(store, order, item ?? throw new ArgumentException(refusal));
            }
            order.Modified = now;
        }
        book.NotifyUpdate(store, orderId);
    }

    private Store Get(string storeId) => stores.Find(storeId) ?? throw new KeyNotFoundException($"No store {storeId}.");

    private static Order Find(Store store, long orderId) =>
        store.Orders.GetValueOrDefault(orderId) ?? throw new KeyNotFoundException($"No order {orderId} in store {store.Id}.");
}
