namespace TrayBridge.TraySimulator.Seeding;

/// <summary>
/// What an order is made of. Whatever is left out is chosen at random (status "AGUARDANDO PAGAMENTO", the store's own
/// channel, a buyer from <see cref="CustomerProfile.Random"/>, one to three items); the money fields default to none.
/// Amounts are in reais and add up as tray-api.md §4.5 has it.
/// </summary>
public sealed record OrderRecipe
{
    /// <summary>A status name or id.</summary>
    public string? Status { get; init; }

    /// <summary>A <see cref="Sales.Marketplace.Key"/> ("Mercado Livre", "Shopee", "Amazon", "Mercado Livre Native").</summary>
    public string? Marketplace { get; init; }

    /// <summary>A marketplace order whose <c>marketplace_seller_id</c> (or, from Tray's own Mercado Livre integration,
    /// <c>MlOrder.user_id</c>) is empty, as Tray's often are: the NF-e's <c>idCadIntTran</c> must then come from the merchant.</summary>
    public bool WithoutSellerId { get; init; }

    public CustomerProfile? Customer { get; init; }

    public IReadOnlyList<RecipeItem>? Items { get; init; }

    /// <summary>A coupon's discount (<c>coupon.discount</c>); its code is <see cref="CouponCode"/> or a made-up one.</summary>
    public decimal CouponDiscount { get; init; }

    public string? CouponCode { get; init; }

    /// <summary>The order's own discount (<c>discount</c>).</summary>
    public decimal Discount { get; init; }

    /// <summary>Paid by PIX with this discount, which Tray shows as a negative <c>payment_method_rate</c>.</summary>
    public decimal PixDiscount { get; init; }

    public decimal Taxes { get; init; }

    /// <summary>Tray's <c>progressive_discount</c> ("leve mais, pague menos"), taken off the total.</summary>
    public decimal ProgressiveDiscount { get; init; }

    /// <summary>Tray's <c>shipping_progressive_discount</c> (free or cheaper shipping), taken off the total; at most the freight.</summary>
    public decimal ShippingProgressiveDiscount { get; init; }

    /// <summary>Instalment interest; the order is then paid by credit card in <see cref="Installments"/>.</summary>
    public decimal Interest { get; init; }

    public int Installments { get; init; } = 1;

    /// <summary>When the buyer placed it (<c>date</c>/<c>hour</c>); now when not given. Lets a test place an order at 23:30
    /// São Paulo time, the day boundary the order filters must get right.</summary>
    public DateTimeOffset? PlacedAt { get; init; }
}

/// <summary>A product, or one of its variants, and how many.</summary>
public sealed record RecipeItem(long ProductId, long? VariantId, decimal Quantity);
