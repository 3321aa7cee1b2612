using System.Globalization;
using Bogus;
using TrayBridge.TraySimulator.Sales;
using TrayBridge.TraySimulator.Stores;

namespace TrayBridge.TraySimulator.Seeding;

/// <summary>Realistic store content (Bogus pt_BR): products, buyers and orders, a share of them from marketplaces.</summary>
public static class Seeder
{
    private static readonly string[] Shipments = ["Correios PAC", "Correios SEDEX", "Jadlog .Package", "Transportadora"];
    private static readonly (string Form, string Type)[] Payments = [("Pix", "pix"), ("Cartão de Crédito", "credit_card"), ("Boleto - Yapay", "bank_billet")];

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
            var marketplace = faker.Random.Bool(0.4f) ? faker.PickRandom(Marketplace.All.ToList()).Name : null;
            PlaceOrder(store, book, placed, faker.PickRandom(statuses).Status, marketplace, notify: false, faker);
        }
    }

    /// <summary>One order now; <paramref name="status"/> is a status name or id, <paramref name="marketplace"/> a marketplace name.</summary>
    public static long PlaceOrder(Store store, OrderBook book, DateTimeOffset now, string? status, string? marketplace, bool notify,
        Faker? faker = null)
    {
        faker ??= FakerFor();
        Order order;
        lock (store.Sync)
        {
            if (store.Products.Count == 0) CatalogSeed.AddProducts(store, faker, 5, now);
            var statusId = ResolveStatus(store, status);
            var customer = CustomerSeed.Add(store, faker, now);
            var channel = Marketplace.Find(marketplace);
            if (marketplace is not null && channel is null) throw new ArgumentException($"Unknown marketplace '{marketplace}'.");
            var payment = faker.PickRandom(Payments);
            order = new Order
            {
                Id = store.NextId("order", 1000), Created = now, Modified = now, StatusId = statusId, CustomerId = customer.Id,
                DeliveryAddressId = store.Addresses.Values.Last(a => a.CustomerId == customer.Id).Id,
                Shipment = faker.PickRandom(Shipments), ShipmentValue = Math.Round(faker.Random.Decimal(12, 60), 2),
                PaymentForm = channel?.PaymentForm ?? payment.Form, PaymentMethodType = payment.Type,
                PaymentMethodId = faker.Random.Int(1, 99), PointSale = channel is null ? "LOJA VIRTUAL" : channel.Name.ToUpperInvariant(),
                SessionId = faker.Random.Hexadecimal(32, ""), AccessCode = faker.Random.AlphaNumeric(12).ToUpperInvariant(),
            };
            foreach (var product in faker.PickRandom(store.Products.Values.ToList(), Math.Min(store.Products.Count, faker.Random.Int(1, 3))))
            {
                var variants = store.Variants.Values.Where(v => v.ProductId == product.Id).ToList();
                var variant = variants.Count > 0 ? faker.PickRandom(variants) : null;
                var price = variant?.Price ?? product.CurrentPrice(Tray.TrayTime.Day(now));
                order.Items.Add(OrderLines.Of(store, product, variant, faker.Random.Int(1, 3), price, price));
            }
            if (channel is not null)
                order.Marketplace = new MarketplaceOrder(channel.Name, $"LOJA{store.Id}", faker.Random.ReplaceNumbers("#########"),
                    channel.Document, channel.PaymentResponsibleDocument, faker.Random.ReplaceNumbers("20000#########"),
                    faker.Random.ReplaceNumbers("4#########"), channel.ShippingType, "paid");
        }
        return book.Place(store, order, notify);
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
