using TrayBridge.TraySimulator.Sales;
using TrayBridge.TraySimulator.Seeding;
using TrayBridge.TraySimulator.Stores;

namespace TrayBridge.TraySimulator.Admin;

/// <summary>What an admin order can have besides its <see cref="OrderRecipe"/>: an unlisted discount (taken off <c>total</c>
/// with no field showing it: totals no importer can reconcile), an existing buyer, as a returning customer's second order
/// has, or a new buyer's name (a known name with accents, for search tests).</summary>
public sealed record OrderExtras(decimal UnlistedDiscount = 0, long? CustomerId = null, string? CustomerName = null)
{
    /// <summary>Places the order and applies the extras before anyone can read it; <c>order/insert</c> fires after.</summary>
    public long Place(Store store, OrderBook book, DateTimeOffset now, OrderRecipe recipe)
    {
        if (UnlistedDiscount < 0) throw new ArgumentException("unlistedDiscount is positive: it is taken off the total.");
        long id;
        // Re-entered by PlaceOrder (Monitor locks are reentrant): a poll never sees the order without its extras.
        lock (store.Sync)
        {
            var buyer = CustomerId is { } customerId
                ? store.Customers.GetValueOrDefault(customerId) ?? throw new ArgumentException($"No customer {customerId} in store {store.Id}.")
                : null;
            id = Seeder.PlaceOrder(store, book, now, recipe, notify: false);
            var order = store.Orders[id];
            order.UnlistedDiscount = UnlistedDiscount;
            if (buyer is not null) Reassign(store, order, buyer);
            else if (CustomerName is { Length: > 0 } name) Rename(store, store.Customers[order.CustomerId], name);
        }
        book.NotifyInsert(store, id);
        return id;
    }

    // The recipe always makes a new buyer: it is dropped with its addresses, and the order gets the existing one.
    private static void Reassign(Store store, Order order, Customer buyer)
    {
        var made = order.CustomerId;
        foreach (var address in store.Addresses.Values.Where(a => a.CustomerId == made).ToList()) store.Addresses.Remove(address.Id);
        store.Customers.Remove(made);
        order.CustomerId = buyer.Id;
        order.DeliveryAddressId = store.Addresses.Values.Last(a => a.CustomerId == buyer.Id).Id;
    }

    private static void Rename(Store store, Customer customer, string name)
    {
        customer.Name = name;
        foreach (var address in store.Addresses.Values.Where(a => a.CustomerId == customer.Id)) address.Recipient = name;
    }
}
