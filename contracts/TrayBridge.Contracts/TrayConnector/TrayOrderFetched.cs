using MassTransit;

namespace TrayBridge.Contracts.TrayConnector;

/// <summary>A Tray order read in full (<c>/orders/{id}/complete</c>) for import, normalised: Tray's string-typed values
/// parsed, products the ERP may not know completed with NCM/EAN from Tray's <c>/products/{id}</c>.</summary>
[MessageUrn("traybridge:tray:order-fetched:v1", false)]
[EntityName("traybridge.tray.order-fetched")]
[PublishedBy("TrayConnector")]
public sealed record TrayOrderFetched(
    string TenantId, string StoreId, string TrayOrderId, string Status, string Origin, decimal Total,
    DateTimeOffset OccurredAt) : ITenantMessage
{
    /// <summary>Tray's status id (statuses are per store; <see cref="Status"/> is its name).</summary>
    public string? StatusId { get; init; }
    /// <summary>When the buyer placed the order (Tray's <c>date</c> + <c>hour</c>, São Paulo time).</summary>
    public DateTimeOffset? PlacedAt { get; init; }
    /// <summary>Whether the store's status map counts the order as cancelled: it must never be invoiced.</summary>
    public bool Cancelled { get; init; }
    public TrayOrderCustomer? Customer { get; init; }
    public IReadOnlyList<TrayOrderItem> Items { get; init; } = [];
    /// <summary>Sum of the items (<c>partial_total</c>).</summary>
    public decimal PartialTotal { get; init; }
    /// <summary>Order discount (<c>discount</c>), coupon excluded.</summary>
    public decimal Discount { get; init; }
    public string? CouponCode { get; init; }
    public decimal CouponDiscount { get; init; }
    /// <summary>Freight (<c>shipment_value</c>).</summary>
    public decimal ShipmentValue { get; init; }
    /// <summary>Surcharge (<c>taxes</c>).</summary>
    public decimal Taxes { get; init; }
    /// <summary>Payment-method fee; negative for a discount such as PIX's.</summary>
    public decimal PaymentMethodRate { get; init; }
    public decimal Interest { get; init; }
    /// <summary>Tray's <c>progressive_discount</c> (a discount on the items, by its name); null when Tray's answer did not
    /// carry the field. Its meaning is not documented: the Orders service applies it only when Tray's total then adds up.</summary>
    public decimal? ProgressiveDiscount { get; init; }
    /// <summary>Tray's <c>shipping_progressive_discount</c> (a discount on the freight, by its name); null when not carried.
    /// Applied like <see cref="ProgressiveDiscount"/>, only when Tray's total then adds up.</summary>
    public decimal? ShippingProgressiveDiscount { get; init; }
    public string? Shipment { get; init; }
    public string? PaymentMethod { get; init; }
    /// <summary>Tray's <c>payment_method_type</c>, e.g. <c>pix</c>, <c>credit_card</c>, <c>bank_billet</c>.</summary>
    public string? PaymentMethodType { get; init; }
    public int Installments { get; init; } = 1;
    /// <summary>The marketplace the order came through, null for the store's own channels.</summary>
    public TrayOrderMarketplace? Marketplace { get; init; }
    /// <summary>Hash of the order's <c>/complete</c> content when fetched: a later change shows as a different hash.</summary>
    public string? ContentHash { get; init; }
}

/// <summary>The buyer: a person (CPF) or a company (CNPJ, IE), digits only.</summary>
public sealed record TrayOrderCustomer(
    string TrayCustomerId, string Name, bool IsCompany, string? Cpf, string? Cnpj, string? StateInscription, string? Email,
    string? Phone, TrayOrderAddress? BillingAddress, TrayOrderAddress? DeliveryAddress);

/// <summary>An address as Tray holds it; the ZIP code digits only, <see cref="State"/> the UF.</summary>
public sealed record TrayOrderAddress(
    string? Recipient, string Street, string Number, string? Complement, string Neighborhood, string City, string State,
    string ZipCode, string Country);

/// <summary>One line: Tray's ids, the SKU (Tray's <c>reference</c>) and the product's fiscal data when Tray has it.</summary>
public sealed record TrayOrderItem(
    string TrayProductId, string? TrayVariantId, string Sku, string Name, decimal Quantity, decimal UnitPrice,
    decimal OriginalPrice, string? Ncm, string? Ean, string? VariantLabel);

/// <summary>Marketplace data the NF-e's intermediary group needs (<c>infIntermed</c>): the intermediary's CNPJ (digits)
/// and the seller's id there.</summary>
public sealed record TrayOrderMarketplace(
    string Name, string? MarketplaceOrderId, string? IntermediaryCnpj, string? SellerId, string? PaymentResponsibleCnpj);
