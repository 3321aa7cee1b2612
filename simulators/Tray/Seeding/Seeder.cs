using System.Globalization;
using Bogus;
using TrayBridge.TraySimulator.Sales;
using TrayBridge.TraySimulator.Stores;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Seeding;

/// <summary>Realistic store content (Bogus pt_BR): products, buyers and orders, with the variety of <see cref="SeedMix"/>.</summary>
public static class Seeder
{
    private static readonly string[] Shipments = ["Correios PAC", "Correios SEDEX", "Jadlog .Package", "Transportadora"];
    private static readonly (string Form, string Type) Pix = ("Pix", "pix");
    private static readonly (string Form, string Type) CreditCard = ("Cartão de Crédito", "credit_card");
    private static readonly (string Form, string Type)[] Payments = [Pix, CreditCard, ("Boleto - Yapay", "bank_billet")];

    public static void Seed(Store store, int products, int orders, OrderBook book, DateTimeOffset now)
    {
        var faker = FakerFor();
        lock (store.Sync)
            CatalogSeed.AddProducts(store, faker, products, now);
        var statuses = store.Statuses.Values.Where(s => s.Default).ToList();
        for (var n = 0; n < orders; n++)
        {
            // Seeded orders are spread over the last ten days and over every default status.
            var placed = now - TimeSpan.FromMinutes(faker.Random.Int(0, 10 * 24 * 60));
            OrderRecipe recipe;
            lock (store.Sync)
            {
                if (store.Products.Count == 0) CatalogSeed.AddProducts(store, faker, 5, now);
                recipe = SeedMix.Recipe(store, faker, n, faker.PickRandom(statuses).Status, TrayTime.Day(placed));
            }
            PlaceOrder(store, book, placed, recipe, notify: false, faker);
        }
    }

    /// <summary>One order placed at <paramref name="now"/> as <paramref name="recipe"/> says; throws ArgumentException for a recipe that cannot be.</summary>
    public static long PlaceOrder(Store store, OrderBook book, DateTimeOffset now, OrderRecipe recipe, bool notify, Faker? faker = null)
    {
        faker ??= FakerFor();
        if (new[] { recipe.CouponDiscount, recipe.Discount, recipe.PixDiscount, recipe.Taxes, recipe.Interest, recipe.ProgressiveDiscount,
                recipe.ShippingProgressiveDiscount }.Any(v => v < 0))
            throw new ArgumentException("Amounts are positive: a PIX discount is given as pixDiscount and shown negative.");
        Order order;
        lock (store.Sync)
        {
            if (store.Products.Count == 0) CatalogSeed.AddProducts(store, faker, 5, now);
            var statusId = ResolveStatus(store, recipe.Status);
            var channel = Marketplace.Find(recipe.Marketplace);
            if (recipe.Marketplace is not null && channel is null) throw new ArgumentException($"Unknown marketplace '{recipe.Marketplace}'.");
            // Items first: a refused item must not leave a new customer behind.
            var items = (recipe.Items ?? ItemPicker.Random(store, faker)).Select(i => Sell(store, i, now)).ToList();
            var customer = CustomerSeed.Add(store, faker, now, recipe.Customer ?? CustomerProfile.Random(faker));
            var payment = recipe.PixDiscount > 0 ? Pix : recipe.Interest > 0 ? CreditCard : faker.PickRandom(Payments);
            order = new Order
            {
                Id = store.NextId("order", 1000), Created = recipe.PlacedAt ?? now, Modified = now, StatusId = statusId, CustomerId = customer.Id,
                DeliveryAddressId = store.Addresses.Values.Last(a => a.CustomerId == customer.Id).Id,
                Shipment = faker.PickRandom(Shipments), ShipmentValue = Math.Round(faker.Random.Decimal(12, 60), 2),
                PaymentForm = channel?.PaymentForm ?? payment.Form, PaymentMethodType = payment.Type,
                PaymentMethodId = faker.Random.Int(1, 99), PointSale = channel is null ? "LOJA VIRTUAL" : channel.Name.ToUpperInvariant(),
                SessionId = faker.Random.Hexadecimal(32, ""), AccessCode = faker.Random.AlphaNumeric(12).ToUpperInvariant(),
                Discount = recipe.Discount, Taxes = recipe.Taxes, Interest = recipe.Interest, Installment = Math.Max(1, recipe.Installments),
                PaymentMethodRate = -recipe.PixDiscount, ProgressiveDiscount = recipe.ProgressiveDiscount,
                Coupon = recipe.CouponDiscount > 0 ? new OrderCoupon(recipe.CouponCode ?? "CUPOM" + faker.Random.Int(10, 99), recipe.CouponDiscount) : null,
            };
            order.Items.AddRange(items);
            order.ShippingProgressiveDiscount = Math.Min(recipe.ShippingProgressiveDiscount, order.ShipmentValue);
            if (channel is not null)
                order.Marketplace = new MarketplaceOrder(channel.Name, $"LOJA{store.Id}",
                    recipe.WithoutSellerId ? "" : faker.Random.ReplaceNumbers("#########"),
                    channel.Document, channel.PaymentResponsibleDocument, faker.Random.ReplaceNumbers("20000#########"),
                    faker.Random.ReplaceNumbers("4#########"), channel.ShippingType, "paid") { Native = channel.Native };
        }
        return book.Place(store, order, notify);
    }

    private static OrderItem Sell(Store store, RecipeItem item, DateTimeOffset now)
    {
        var (line, refusal) = OrderLines.Sell(store, item.ProductId, item.VariantId, item.Quantity, TrayTime.Day(now));
        return line ?? throw new ArgumentException(refusal);
    }

    private static long ResolveStatus(Store store, string? status)
    {
        if (status is null) return 9;
        if (long.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && store.Statuses.ContainsKey(id)) return id;
        return store.Statuses.Values.FirstOrDefault(s => string.Equals(s.Status, status, StringComparison.OrdinalIgnoreCase))?.Id
               ?? throw new ArgumentException($"Unknown order status '{status}'.");
    }

    private static Faker FakerFor() =>
        new("pt_BR");
}
