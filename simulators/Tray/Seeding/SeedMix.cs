using Bogus;
using TrayBridge.TraySimulator.Sales;
using TrayBridge.TraySimulator.Stores;

namespace TrayBridge.TraySimulator.Seeding;

/// <summary>
/// The variety a seed covers, decided by an order's position so that even a small seed holds every case an importer meets.
/// Of each ten orders: one paid by PIX with a discount (negative <c>payment_method_rate</c>), one with a coupon, one from a
/// marketplace with an order discount and a fee (<c>taxes</c>), one paid in instalments with interest, one from Tray's own
/// Mercado Livre integration (<c>MlOrder</c> only), two more from marketplaces, one with coupon, discount and PIX discount
/// together, one with a variant item and free shipping (<c>shipping_progressive_discount</c> = the freight), one with a fee
/// and a progressive discount (<c>progressive_discount</c>, "leve mais, pague menos"). Buyers: one in twenty without CPF/CNPJ,
/// one in three a company. One in twenty
/// (a marketplace order) comes without the seller's id on the marketplace, as Tray's often do.
/// </summary>
public static class SeedMix
{
    private static readonly string[] Coupons = ["natal25", "BEMVINDO10", "FRETE15", "VOLTEI", "PRIMEIRACOMPRA"];

    /// <summary>The caller holds the store's lock.</summary>
    public static OrderRecipe Recipe(Store store, Faker faker, int n, string status, DateOnly today)
    {
        var slot = n % 10;
        var items = ItemPicker.Random(store, faker, withGrid: slot == 8);
        var partial = items.Sum(i => Price(store, i, today) * i.Quantity);
        var coupon = slot is 1 or 6 ? Round(partial * faker.PickRandom(0.05m, 0.10m, 0.15m)) : 0;
        var discount = slot is 3 or 6 ? Round(partial * 0.05m) : 0;
        var installments = slot == 4 ? faker.Random.Int(3, 6) : 1;
        var withoutDocument = n % 20 == 13;
        return new OrderRecipe
        {
            Status = status,
            Marketplace = slot switch
            {
                5 => Marketplace.MercadoLivreNative.Key,
                2 or 3 or 7 => faker.PickRandom(Marketplace.All.Where(m => !m.Native).ToList()).Key,
                _ => null,
            },
            WithoutSellerId = n % 20 == 7,
            Customer = new CustomerProfile(Company: n % 3 == 1 && !withoutDocument, WithoutDocument: withoutDocument),
            Items = items,
            CouponDiscount = coupon,
            CouponCode = coupon > 0 ? faker.PickRandom(Coupons) : null,
            Discount = discount,
            // Stores commonly give 5% off for PIX, on what is left after the other discounts.
            PixDiscount = slot is 0 or 6 ? Round((partial - coupon - discount) * 0.05m) : 0,
            Taxes = slot is 3 or 9 ? Round(faker.Random.Decimal(2, 15)) : 0,
            ProgressiveDiscount = slot == 9 ? Round(partial * 0.10m) : 0,
            // More than any freight: the seeder caps it at the order's freight, which makes the shipping free.
            ShippingProgressiveDiscount = slot == 8 ? 1_000m : 0,
            Interest = Round(partial * 0.0199m * (installments - 1)),
            Installments = installments,
        };
    }

    private static decimal Price(Store store, RecipeItem item, DateOnly today) =>
        OrderLines.PriceOf(store.Products[item.ProductId], item.VariantId is { } v ? store.Variants[v] : null, today);

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
