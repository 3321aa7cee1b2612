using TrayBridge.Api.Orders;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.ServiceDefaults.Fiscal;
using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.Orders.Domain;

/// <summary>Turns the connector's <see cref="TrayOrderFetched"/> into a <see cref="SalesOrder"/>, or says why not.</summary>
public static class SalesOrderFactory
{
    /// <param name="products">The ERP product (and variation) of each of <paramref name="order"/>'s items, same order.</param>
    /// <param name="id">The sales order's id, chosen by the caller so a redelivered message can reuse it.</param>
    /// <param name="intermediaries">Marketplace CNPJs for marketplace orders that came without one.</param>
    /// <param name="storeSellerId">The seller's id the merchant keeps for this store and the order's marketplace, for an
    /// order Tray sent without one of its own.</param>
    public static ImportResult FromTray(TrayOrderFetched order, IReadOnlyList<(Guid ProductId, Guid? VariationId)> products,
        IbgeCities cities, Guid id, MarketplaceIntermediaries intermediaries, string? storeSellerId = null)
    {
        if (products.Count != order.Items.Count)
            throw new ArgumentException($"{products.Count} products for {order.Items.Count} items.", nameof(products));
        if (Malformed(order) is { } malformed) return malformed;

        var totals = SalesOrderTotals.From(order);
        // A cancelled order is never invoiced, so a total Tray adds up differently does not keep it from being shown as cancelled.
        if (!order.Cancelled && totals.Check(order.Total) is { } mismatch) return mismatch;

        var gross = order.Items.Select(item => SalesOrderTotals.Gross(item.Quantity, item.UnitPrice)).ToList();
        var charges = totals.ProrateOver(gross);
        var salesOrder = new SalesOrder
        {
            Id = id, TenantId = order.TenantId, StoreId = order.StoreId, TrayOrderId = order.TrayOrderId, Origin = order.Origin,
            TrayStatus = order.Status, PlacedAt = order.PlacedAt ?? order.OccurredAt,
            Customer = TrayCustomerSnapshot.From(order.Customer!, cities),
            Items = [.. order.Items.Select((item, i) => new SalesOrderItem
            {
                Line = i + 1, ProductId = products[i].ProductId, VariationId = products[i].VariationId,
                TrayProductId = item.TrayProductId, TrayVariantId = item.TrayVariantId, Sku = item.Sku, Name = item.Name,
                VariantLabel = item.VariantLabel, Ncm = Ncm.Normalize(item.Ncm), Ean = item.Ean, Quantity = item.Quantity,
                UnitPrice = item.UnitPrice, Gross = gross[i], Discount = charges[i].Discount, Freight = charges[i].Freight,
                OtherCharges = charges[i].OtherCharges,
            })],
            Totals = totals, Shipment = order.Shipment, PaymentMethod = order.PaymentMethod,
            PaymentMethodType = order.PaymentMethodType, Installments = order.Installments,
            Intermediary = Intermediary(order.Marketplace, intermediaries, storeSellerId), ContentHash = order.ContentHash,
            CancelledOnTray = order.Cancelled,
        };
        salesOrder.Evaluate();
        return salesOrder;
    }

    private static ImportError? Malformed(TrayOrderFetched order)
    {
        if (order.Items.Count == 0) return ImportError.Malformed(ImportReasonCodes.NoItems, "Pedido sem itens");
        if (order.Customer is null) return ImportError.Malformed(ImportReasonCodes.NoCustomer, "Pedido sem cliente");
        foreach (var (item, line) in order.Items.Select((item, i) => (item, i + 1)))
        {
            if (item.Quantity <= 0)
                return ImportError.Malformed(ImportReasonCodes.InvalidQuantity, $"Quantidade inválida ({item.Quantity}) no item {line}, SKU {item.Sku}");
            if (item.UnitPrice < 0)
                return ImportError.Malformed(ImportReasonCodes.NegativePrice, $"Preço negativo ({Brl.Of(item.UnitPrice)}) no item {line}, SKU {item.Sku}");
        }
        return null;
    }

    // Tray's CNPJ when it is valid, else the configured one; neither leaves the order pending on it. The seller's id:
    // the order's own when Tray sent one (often it does not), else the store's for that marketplace.
    private static MarketplaceIntermediary? Intermediary(TrayOrderMarketplace? marketplace, MarketplaceIntermediaries table, string? storeSellerId) =>
        marketplace is null ? null : new MarketplaceIntermediary(marketplace.Name,
            Cnpj.IsValid(marketplace.IntermediaryCnpj) ? Cnpj.Normalize(marketplace.IntermediaryCnpj) : table.CnpjOf(marketplace.Name),
            IntermediaryRule.NormalizeSellerId(marketplace.SellerId) ?? storeSellerId, marketplace.MarketplaceOrderId,
            SellerIdFromStore: IntermediaryRule.NormalizeSellerId(marketplace.SellerId) is null && storeSellerId is not null);
}
