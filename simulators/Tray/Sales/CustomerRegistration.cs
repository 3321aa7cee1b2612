using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Stores;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Sales;

/// <summary>A new customer with the addresses its body nests (<c>CustomerAddress</c>); the caller holds the store's lock.</summary>
public static class CustomerRegistration
{
    public static Customer Create(Store store, JsonObject data, DateTimeOffset now)
    {
        var customer = new Customer { Id = store.NextId("customer", 100), Created = now, Modified = now };
        customer.Apply(data);
        store.Customers[customer.Id] = customer;
        foreach (var addressData in data.Objects("CustomerAddress"))
        {
            var address = new CustomerAddress { Id = store.NextId("address", 500), Recipient = customer.Name };
            address.Apply(addressData);
            address.CustomerId = customer.Id;
            store.Addresses[address.Id] = address;
        }
        return customer;
    }
}
