using TrayBridge.Contracts.TrayConnector;

namespace TrayBridge.Orders.Tests;

/// <summary>Tray orders as the connector publishes them: one complete, valid order to vary with <c>with</c>.</summary>
internal static class TrayOrders
{
    public static readonly TrayOrderAddress Delivery = new("Maria Silva", "Rua Augusta", "100", "ap 12", "Consolação", "São Paulo",
        "SP", "01305000", "BRA");

    public static readonly TrayOrderAddress Billing = new(null, "Rua do Comércio", "7", null, "Centro", "Santa Barbara d'Oeste",
        "SP", "13450000", "BRA");

    public static readonly TrayOrderCustomer Person = new("501", "Maria Silva", false, "529.982.247-25", null, null,
        "maria@example.com", "11999990000", Billing, Delivery);

    public static TrayOrderItem Item(string sku, decimal quantity, decimal unitPrice, string? ncm = "61091000") =>
        new($"p-{sku}", null, sku, $"Produto {sku}", quantity, unitPrice, unitPrice, ncm, "7891000315507", null);

    /// <summary>Two shirts at 50.00 and a cap at 30.00 (items 130.00), 10.00 off, 15.00 freight: total 135.00.</summary>
    public static TrayOrderFetched Order() => new("acme", "391250", "1001", "A ENVIAR", "LOJA VIRTUAL", 135.00m,
        new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.FromHours(-3)))
    {
        PlacedAt = new DateTimeOffset(2026, 3, 2, 13, 58, 0, TimeSpan.FromHours(-3)),
        Customer = Person,
        Items = [Item("CAM-1", 2, 50.00m), Item("BON-1", 1, 30.00m)],
        PartialTotal = 130.00m,
        Discount = 10.00m,
        ShipmentValue = 15.00m,
        PaymentMethod = "Pix",
        PaymentMethodType = "pix",
    };

    public static IReadOnlyList<(Guid ProductId, Guid? VariationId)> ProductsFor(TrayOrderFetched order) =>
        [.. order.Items.Select(_ => (Guid.NewGuid(), (Guid?)null))];
}
