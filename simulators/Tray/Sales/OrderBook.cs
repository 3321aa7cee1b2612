using TrayBridge.TraySimulator.Catalog;
using TrayBridge.TraySimulator.Hosting;
using TrayBridge.TraySimulator.Settings;
using TrayBridge.TraySimulator.Stores;
using TrayBridge.TraySimulator.Webhooks;

namespace TrayBridge.TraySimulator.Sales;

/// <summary>
/// Places orders and moves their status, keeping stock right: an order is counted against stock on creation or on
/// payment (<see cref="SimulatorSettings.StockDecrement"/>), and a cancellation gives its items back.
/// </summary>
public sealed class OrderBook(SettingsHolder settings, SimulatorClock clock, WebhookDispatcher webhooks)
{
    /// <summary>Stores a new order (its id already taken from the store); fires <c>order/insert</c> when asked.</summary>
    public long Place(Store store, Order order, bool notify)
    {
        lock (store.Sync)
        {
            store.Orders[order.Id] = order;
            var status = store.Statuses[order.StatusId];
            if (status.Paid) order.PaymentDate ??= order.Created;
            if (!status.Cancels && Counts(status)) Take(store, order);
        }
        if (notify) webhooks.Notify(store, "order", order.Id, "insert");
        return order.Id;
    }

    /// <summary>Moves an order to a status (<c>PUT /orders/{id}</c> with <c>status_id</c>); the caller holds the store's lock.</summary>
    public void ChangeStatus(Store store, Order order, OrderStatus status)
    {
        order.StatusId = status.Id;
        order.Modified = clock.GetUtcNow();
        if (status.Paid) order.PaymentDate ??= order.Modified;
        if (status.Cancels && order.StockTaken)
        {
            foreach (var item in order.Items) Stock.Move(store, item.ProductId, item.VariantId, -item.Quantity);
            order.StockTaken = false;
        }
        else if (!status.Cancels && !order.StockTaken && Counts(status))
        {
            Take(store, order);
        }
    }

    public void NotifyUpdate(Store store, long orderId) => webhooks.Notify(store, "order", orderId, "update");

    /// <summary><c>order/insert</c> for an order placed with <c>notify: false</c> and finished by its caller.</summary>
    public void NotifyInsert(Store store, long orderId) => webhooks.Notify(store, "order", orderId, "insert");

    private bool Counts(OrderStatus status) => settings.Current.StockDecrement == StockMoment.OnOrderCreated || status.Paid;

    private static void Take(Store store, Order order)
    {
        foreach (var item in order.Items) Stock.Move(store, item.ProductId, item.VariantId, item.Quantity);
        order.StockTaken = true;
    }
}
