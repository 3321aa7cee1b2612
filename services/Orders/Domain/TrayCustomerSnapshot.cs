using TrayBridge.Contracts.TrayConnector;

namespace TrayBridge.Orders.Domain;

/// <summary>The buyer of a Tray order as a <see cref="SalesOrderCustomer"/>: the tax id checked, the addresses' cities
/// resolved to IBGE codes.</summary>
public static class TrayCustomerSnapshot
{
    public static SalesOrderCustomer From(TrayOrderCustomer customer, IbgeCities cities)
    {
        // The document matching the customer's type first; Tray may still hold the other one only.
        var (preferred, other) = customer.IsCompany ? (customer.Cnpj, customer.Cpf) : (customer.Cpf, customer.Cnpj);
        var taxId = TaxId.Parse(preferred) ?? TaxId.Parse(other);
        return new SalesOrderCustomer
        {
            TrayCustomerId = customer.TrayCustomerId, Name = customer.Name,
            IsCompany = taxId?.IsCompany ?? customer.IsCompany, TaxId = taxId,
            TrayTaxId = string.IsNullOrWhiteSpace(preferred) ? other : preferred,
            StateInscription = customer.StateInscription, Email = customer.Email, Phone = customer.Phone,
            BillingAddress = Address(customer.BillingAddress, cities), DeliveryAddress = Address(customer.DeliveryAddress, cities),
        };
    }

    private static SalesOrderAddress? Address(TrayOrderAddress? address, IbgeCities cities) => address is null ? null
        : new SalesOrderAddress(address.Recipient, address.Street, address.Number, address.Complement, address.Neighborhood,
            address.City, address.State, address.ZipCode, address.Country, cities.Find(address.State, address.City)?.Code);
}
