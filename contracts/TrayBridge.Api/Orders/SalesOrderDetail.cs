namespace TrayBridge.Api.Orders;

/// <summary><c>GET /api/orders/sales-orders/{id}</c>, and the answer of every fix: the whole sales order.
/// <see cref="Status"/> is the status as a number (0 PendenteDados, 1 ProntoParaFaturar, 2 CanceladoNaTray,
/// 3 Divergente, 4 Faturado, 5 CanceladoNaTrayNfeAutorizada, 6 Cancelado), as this answer always had it; read
/// <see cref="Situation"/> instead.</summary>
public sealed record SalesOrderDetail(
    Guid Id, string TenantId, string StoreId, string TrayOrderId, string Origin, string? TrayStatus, DateTimeOffset PlacedAt,
    SalesOrderCustomerData Customer, IReadOnlyList<SalesOrderItemData> Items, SalesOrderTotalsData Totals, string? Shipment,
    string? PaymentMethod, string? PaymentMethodType, int Installments, IntermediaryData? Intermediary, string? ContentHash,
    int Status, IReadOnlyList<string> Missing, bool CancelledOnTray, string? Divergence, bool Invoiced, string StatusLabel,
    string Situation, IReadOnlyList<MissingItem> MissingItems,
    Guid? NfeId, string? NfeKey, int? NfeNumber, int? NfeSeries, DateTimeOffset? NfeIssuedAt, NfeRejectionData? LastNfeRejection)
{
    /// <summary>The dispatch, once the merchant gave it (<c>POST …/{id}/shipment</c>).</summary>
    public ShipmentData? ShipmentInfo { get; init; }
    /// <summary>The order's NF-e cancelled at SEFAZ, oldest first (the current note, if any, is <see cref="NfeKey"/>).</summary>
    public IReadOnlyList<CancelledNfeData> CancelledNfes { get; init; } = [];
    /// <summary>When the merchant cancelled the order in the ERP, and why (<c>POST …/{id}/cancel</c>).</summary>
    public DateTimeOffset? CancelledAt { get; init; }
    public string? CancelReason { get; init; }
}

/// <summary>An NF-e of the order cancelled at SEFAZ (evento 110111): its key, number, series, the event's protocol.</summary>
public sealed record CancelledNfeData(string Key, int Number, int Series, string Protocol, DateTimeOffset CancelledAt);

/// <summary>The buyer as imported (the NF-e recipient). <see cref="TrayTaxId"/> is what Tray sent, shown when it is
/// not a valid CPF/CNPJ; <see cref="TaxId"/> is null until one is known.</summary>
public sealed record SalesOrderCustomerData(
    string? TrayCustomerId, string Name, bool IsCompany, TaxIdData? TaxId, string? TrayTaxId, string? StateInscription,
    string? Email, string? Phone, AddressData? BillingAddress, AddressData? DeliveryAddress);

/// <summary>A checked CPF/CNPJ, bare. <see cref="Kind"/>: 0 CPF, 1 CNPJ (a number, as this answer always had it).</summary>
public sealed record TaxIdData(string Value, int Kind);

/// <summary>An address; <see cref="IbgeCode"/> is the municipality's 7-digit code, null when its name did not resolve.
/// The NF-e uses the delivery address, else the billing one.</summary>
public sealed record AddressData(
    string? Recipient, string Street, string Number, string? Complement, string Neighborhood, string City, string State,
    string ZipCode, string Country, string? IbgeCode);

/// <summary>One line (1-based <see cref="Line"/>, the NF-e's nItem) with its share of discount, freight and other charges.</summary>
public sealed record SalesOrderItemData(
    int Line, Guid ProductId, Guid? VariationId, string TrayProductId, string? TrayVariantId, string Sku, string Name,
    string? VariantLabel, string? Ncm, string? Ean, decimal Quantity, decimal UnitPrice, decimal Gross, decimal Discount,
    decimal Freight, decimal OtherCharges);

/// <summary>The NF-e's money: items − discount + freight + other charges = total (Tray's total, checked at import).</summary>
public sealed record SalesOrderTotalsData(decimal Items, decimal Discount, decimal Freight, decimal OtherCharges, decimal Total);

/// <summary>The marketplace the order was sold through (NF-e infIntermed); <see cref="Cnpj"/> null until known.</summary>
public sealed record IntermediaryData(string Name, string? Cnpj, string? SellerId, string? MarketplaceOrderId);
