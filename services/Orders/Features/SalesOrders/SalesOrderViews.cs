using TrayBridge.Api.Orders;
using TrayBridge.Orders.Domain;

namespace TrayBridge.Orders.Features.SalesOrders;

/// <summary>The sales order document as the API answers it (records of <c>TrayBridge.Api.Orders</c>, the JSON shape the
/// answers always had plus the situation code and what is missing, item by item).</summary>
public static class SalesOrderViews
{
    public static SalesOrderSummary Summary(SalesOrder o) => new(o.Id, o.StoreId, o.TrayOrderId, o.Origin, o.PlacedAt, o.Customer.Name,
        o.Totals.Total, o.Status.ToString(), o.StatusLabel, o.Missing, o.Status.Situation(), MissingItems(o), o.Customer.TaxId?.Value,
        o.Divergence, o.NfeId, o.NfeKey, o.NfeNumber, Rejection(o.LastNfeRejection), o.Customer.InvoiceAddress?.City,
        o.Customer.InvoiceAddress?.State)
    {
        ShipmentInfo = Shipments.ShipSalesOrder.View(o.Dispatch), CancelledNfeCount = o.CancelledNfes.Count,
    };

    public static SalesOrderDetail Detail(SalesOrder o) => new(o.Id, o.TenantId, o.StoreId, o.TrayOrderId, o.Origin, o.TrayStatus,
        o.PlacedAt, Customer(o.Customer), [.. o.Items.Select(Item)],
        new SalesOrderTotalsData(o.Totals.Items, o.Totals.Discount, o.Totals.Freight, o.Totals.OtherCharges, o.Totals.Total),
        o.Shipment, o.PaymentMethod, o.PaymentMethodType, o.Installments,
        o.Intermediary is { } i ? new IntermediaryData(i.Name, i.Cnpj, i.SellerId, i.MarketplaceOrderId) : null, o.ContentHash,
        (int)o.Status, o.Missing, o.CancelledOnTray, o.Divergence, o.Invoiced, o.StatusLabel, o.Status.Situation(), MissingItems(o),
        o.NfeId, o.NfeKey, o.NfeNumber, o.NfeSeries, o.NfeIssuedAt, Rejection(o.LastNfeRejection))
    {
        ShipmentInfo = Shipments.ShipSalesOrder.View(o.Dispatch), CancelledAt = o.CancelledAt, CancelReason = o.CancelReason,
        CancelledNfes = [.. o.CancelledNfes.Select(c => new CancelledNfeData(c.Key, c.Number, c.Series, c.Protocol, c.CancelledAt))],
    };

    public static TaxIdData? TaxId(TaxId? taxId) => taxId is { } t ? new TaxIdData(t.Value, (int)t.Kind) : null;

    public static AddressData? Address(SalesOrderAddress? a) => a is null ? null
        : new AddressData(a.Recipient, a.Street, a.Number, a.Complement, a.Neighborhood, a.City, a.State, a.ZipCode, a.Country, a.IbgeCode);

    // Derived on read rather than stored: orders saved before the codes existed answer with them too. Only a pending
    // order lists them — an invoiced, cancelled or divergent one is not waiting for data.
    private static IReadOnlyList<MissingItem> MissingItems(SalesOrder o) =>
        o.Status == SalesOrderStatus.PendenteDados ? Readiness.Of(o).Items : [];

    private static SalesOrderCustomerData Customer(SalesOrderCustomer c) => new(c.TrayCustomerId, c.Name, c.IsCompany, TaxId(c.TaxId),
        c.TrayTaxId, c.StateInscription, c.Email, c.Phone, Address(c.BillingAddress), Address(c.DeliveryAddress));

    private static SalesOrderItemData Item(SalesOrderItem i) => new(i.Line, i.ProductId, i.VariationId, i.TrayProductId, i.TrayVariantId,
        i.Sku, i.Name, i.VariantLabel, i.Ncm, i.Ean, i.Quantity, i.UnitPrice, i.Gross, i.Discount, i.Freight, i.OtherCharges);

    private static NfeRejectionData? Rejection(NfeRejection? r) => r is null ? null : new NfeRejectionData(r.Code, r.Reason, r.At);
}
