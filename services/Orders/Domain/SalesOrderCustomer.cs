using System.Text.Json.Serialization;

namespace TrayBridge.Orders.Domain;

/// <summary>The buyer as Tray had them when the order was imported: a snapshot, so later edits of the Tray customer do
/// not change an order already invoiced. The NF-e recipient (<c>dest</c>).</summary>
public sealed class SalesOrderCustomer
{
    public string? TrayCustomerId { get; set; }
    public required string Name { get; set; }
    public bool IsCompany { get; set; }
    /// <summary>Null until a valid CPF/CNPJ is known.</summary>
    public TaxId? TaxId { get; set; }
    /// <summary>What Tray sent as CPF/CNPJ, kept to show the user when it is not valid.</summary>
    public string? TrayTaxId { get; set; }
    /// <summary>Inscrição estadual (IE), for a company.</summary>
    public string? StateInscription { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public SalesOrderAddress? BillingAddress { get; set; }
    public SalesOrderAddress? DeliveryAddress { get; set; }

    /// <summary>The address the NF-e uses: delivery, or billing when Tray has no delivery address.</summary>
    [JsonIgnore] public SalesOrderAddress? InvoiceAddress => DeliveryAddress ?? BillingAddress;
}

/// <summary>An address with its municipality's IBGE code (NF-e <c>cMun</c>); <see cref="IbgeCode"/> is null when the
/// city name did not resolve.</summary>
public sealed record SalesOrderAddress(
    string? Recipient, string Street, string Number, string? Complement, string Neighborhood, string City, string State,
    string ZipCode, string Country, string? IbgeCode);
