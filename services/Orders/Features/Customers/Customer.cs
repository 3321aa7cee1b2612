using TrayBridge.Orders.Domain;

namespace TrayBridge.Orders.Features.Customers;

/// <summary>An ERP customer (cliente). Keyed by CPF/CNPJ, so two orders by one buyer — from any store or channel — make
/// one customer; a buyer Tray sent without a valid document is keyed by store and Tray customer id until one is known.</summary>
public sealed class Customer
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public bool IsCompany { get; set; }
    public TaxId? TaxId { get; set; }
    public string? StateInscription { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public SalesOrderAddress? BillingAddress { get; set; }
    public SalesOrderAddress? DeliveryAddress { get; set; }
    /// <summary>(store, Tray customer id) pairs this customer is known by.</summary>
    public List<string> TrayCustomers { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static string IdFor(string storeId, SalesOrderCustomer buyer) =>
        buyer.TaxId is { } taxId ? $"{taxId.Kind}:{taxId.Value}".ToLowerInvariant() : $"tray:{storeId}:{buyer.TrayCustomerId}";
}
