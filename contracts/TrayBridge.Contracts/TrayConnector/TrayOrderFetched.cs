using MassTransit;

namespace TrayBridge.Contracts.TrayConnector;

/// <summary>A Tray order read in full (<c>/orders/{id}/complete</c>) for import, normalised: Tray's string-typed values
/// parsed, products the ERP may not know completed with NCM/EAN from Tray's <c>/products/{id}</c>.</summary>
/// <param name="TenantId">The tenant (the ERP account) the event belongs to; equal to the TenantId header.</param>
/// <param name="StoreId">The Tray store id (Usuário of the Loja Virtual), as registered.</param>
/// <param name="TrayOrderId">Tray's order id in that store.</param>
/// <param name="Status">Tray's status text of the order (e.g. A ENVIAR), as the store names it.</param>
/// <param name="Origin">Where the order came from (loja, or the marketplace's name): the panel's Origem.</param>
/// <param name="Total">Total in reais (BRL).</param>
/// <param name="OccurredAt">When it happened, in the publishing service's clock (UTC offset included).</param>
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
    /// <summary>The buyer; null when Tray gave none.</summary>
    public TrayOrderCustomer? Customer { get; init; }
    /// <summary>The order's lines.</summary>
    public IReadOnlyList<TrayOrderItem> Items { get; init; } = [];
    /// <summary>Sum of the items (<c>partial_total</c>).</summary>
    public decimal PartialTotal { get; init; }
    /// <summary>Order discount (<c>discount</c>), coupon excluded.</summary>
    public decimal Discount { get; init; }
    /// <summary>The discount coupon used, if any.</summary>
    public string? CouponCode { get; init; }
    /// <summary>The coupon's discount in reais.</summary>
    public decimal CouponDiscount { get; init; }
    /// <summary>Freight (<c>shipment_value</c>).</summary>
    public decimal ShipmentValue { get; init; }
    /// <summary>Surcharge (<c>taxes</c>).</summary>
    public decimal Taxes { get; init; }
    /// <summary>Payment-method fee; negative for a discount such as PIX's.</summary>
    public decimal PaymentMethodRate { get; init; }
    /// <summary>Interest (juros) charged on the payment, in reais.</summary>
    public decimal Interest { get; init; }
    /// <summary>Tray's <c>progressive_discount</c> (a discount on the items, by its name); null when Tray's answer did not
    /// carry the field. Its meaning is not documented: the Orders service applies it only when Tray's total then adds up.</summary>
    public decimal? ProgressiveDiscount { get; init; }
    /// <summary>Tray's <c>shipping_progressive_discount</c> (a discount on the freight, by its name); null when not carried.
    /// Applied like <see cref="ProgressiveDiscount"/>, only when Tray's total then adds up.</summary>
    public decimal? ShippingProgressiveDiscount { get; init; }
    /// <summary>The shipping method's name.</summary>
    public string? Shipment { get; init; }
    /// <summary>The payment method's name.</summary>
    public string? PaymentMethod { get; init; }
    /// <summary>Tray's <c>payment_method_type</c>, e.g. <c>pix</c>, <c>credit_card</c>, <c>bank_billet</c>.</summary>
    public string? PaymentMethodType { get; init; }
    /// <summary>Number of installments (parcelas).</summary>
    public int Installments { get; init; } = 1;
    /// <summary>The marketplace the order came through, null for the store's own channels.</summary>
    public TrayOrderMarketplace? Marketplace { get; init; }
    /// <summary>Hash of the order's <c>/complete</c> content when fetched: a later change shows as a different hash.</summary>
    public string? ContentHash { get; init; }
}

/// <summary>The buyer: a person (CPF) or a company (CNPJ, IE), digits only.</summary>
/// <param name="TrayCustomerId">Tray's customer id in that store.</param>
/// <param name="Name">The name, as people read it.</param>
/// <param name="IsCompany">A company (CNPJ) rather than a person (CPF).</param>
/// <param name="Cpf">The person's CPF, digits only.</param>
/// <param name="Cnpj">The company's CNPJ, digits only.</param>
/// <param name="StateInscription">The company's state registration (IE), or ISENTO.</param>
/// <param name="Email">E-mail address.</param>
/// <param name="Phone">Phone number.</param>
/// <param name="BillingAddress">The billing address (the NF-e's recipient address).</param>
/// <param name="DeliveryAddress">Where the order is delivered.</param>
public sealed record TrayOrderCustomer(
    string TrayCustomerId, string Name, bool IsCompany, string? Cpf, string? Cnpj, string? StateInscription, string? Email,
    string? Phone, TrayOrderAddress? BillingAddress, TrayOrderAddress? DeliveryAddress);

/// <summary>An address as Tray holds it; the ZIP code digits only, <see cref="State"/> the UF.</summary>
/// <param name="Recipient">Who receives it, when not the buyer.</param>
/// <param name="Street">Street (logradouro).</param>
/// <param name="Number">The NF-e number (nNF) in its series.</param>
/// <param name="Complement">Complement (complemento).</param>
/// <param name="Neighborhood">Neighbourhood (bairro).</param>
/// <param name="City">City name.</param>
/// <param name="State">The UF (two letters).</param>
/// <param name="ZipCode">The CEP, digits only.</param>
/// <param name="Country">Country name.</param>
public sealed record TrayOrderAddress(
    string? Recipient, string Street, string Number, string? Complement, string Neighborhood, string City, string State,
    string ZipCode, string Country);

/// <summary>One line: Tray's ids, the SKU (Tray's <c>reference</c>) and the product's fiscal data when Tray has it.</summary>
/// <param name="TrayProductId">Tray's product id in that store.</param>
/// <param name="TrayVariantId">Tray's variant id in that store; null for a product without variants.</param>
/// <param name="Sku">The ERP's code (SKU / referência).</param>
/// <param name="Name">The name, as people read it.</param>
/// <param name="Quantity">How many units.</param>
/// <param name="UnitPrice">Price per unit actually charged, in reais.</param>
/// <param name="OriginalPrice">Price per unit before discounts, in reais.</param>
/// <param name="Ncm">The NCM (8 digits); null when Tray has none.</param>
/// <param name="Ean">The EAN/GTIN; null when there is none.</param>
/// <param name="VariantLabel">The variant as people read it (e.g. Cor: Azul / Tamanho: M).</param>
public sealed record TrayOrderItem(
    string TrayProductId, string? TrayVariantId, string Sku, string Name, decimal Quantity, decimal UnitPrice,
    decimal OriginalPrice, string? Ncm, string? Ean, string? VariantLabel);

/// <summary>Marketplace data the NF-e's intermediary group needs (<c>infIntermed</c>): the intermediary's CNPJ (digits)
/// and the seller's id there.</summary>
/// <param name="Name">The name, as people read it.</param>
/// <param name="MarketplaceOrderId">The order's id at the marketplace.</param>
/// <param name="IntermediaryCnpj">The intermediary's CNPJ (infIntermed/CNPJ), digits only.</param>
/// <param name="SellerId">The seller's id at the marketplace (infIntermed/idCadIntTran).</param>
/// <param name="PaymentResponsibleCnpj">The CNPJ of who took the payment, digits only.</param>
public sealed record TrayOrderMarketplace(
    string Name, string? MarketplaceOrderId, string? IntermediaryCnpj, string? SellerId, string? PaymentResponsibleCnpj);
