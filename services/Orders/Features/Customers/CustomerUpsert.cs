using Marten;
using TrayBridge.Orders.Domain;

namespace TrayBridge.Orders.Features.Customers;

/// <summary>Creates the customer of an imported order when missing, or refreshes its contact data and addresses
/// with the newest order's (the buyer's latest address is the one to ship and invoice to).</summary>
public static class CustomerUpsert
{
    public static async Task<Customer> ApplyAsync(IDocumentSession session, string storeId, SalesOrderCustomer buyer, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var id = Customer.IdFor(storeId, buyer);
        var customer = await session.LoadAsync<Customer>(id, cancellationToken) ?? new Customer { Id = id, Name = buyer.Name, CreatedAt = now };
        customer.Name = buyer.Name;
        customer.IsCompany = buyer.IsCompany;
        customer.TaxId = buyer.TaxId;
        customer.StateInscription = buyer.StateInscription ?? customer.StateInscription;
        customer.Email = buyer.Email ?? customer.Email;
        customer.Phone = buyer.Phone ?? customer.Phone;
        customer.BillingAddress = buyer.BillingAddress ?? customer.BillingAddress;
        customer.DeliveryAddress = buyer.DeliveryAddress ?? customer.DeliveryAddress;
        var trayKey = $"{storeId}:{buyer.TrayCustomerId}";
        if (buyer.TrayCustomerId is not null && !customer.TrayCustomers.Contains(trayKey)) customer.TrayCustomers.Add(trayKey);
        customer.UpdatedAt = now;
        session.Store(customer);
        return customer;
    }
}
