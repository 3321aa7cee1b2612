using TrayBridge.Invoicing.Domain.Orders;
using static TrayBridge.Invoicing.Tests.NfeXmlAssert;

namespace TrayBridge.Invoicing.Tests;

/// <summary>ICMSTot must be the sum of what the items show (564) and vNF the W16-10 formula (610), to the cent, for
/// orders whose discount, coupon, freight and charges were prorated over several items.</summary>
public sealed class NfeTotalsTests
{
    public static TheoryData<decimal, decimal, decimal, decimal> Orders => new()
    {
        { 10.00m, 0m, 23.47m, 0m },      // freight only
        { 15.33m, 0m, 0m, 0m },          // discount only
        { 7.77m, 12.34m, 19.99m, 3.33m }, // discount, coupon, freight and other charges
        { 0.01m, 0.02m, 0.03m, 0.04m },  // amounts smaller than the items
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public void Totals_reconcile_to_the_cent(decimal discount, decimal coupon, decimal freight, decimal other)
    {
        (string Sku, decimal Quantity, decimal Price)[] lines = [("CAM-1", 3, 33.33m), ("CAL-2", 1, 129.90m), ("MEI-3", 7, 9.99m), ("BON-4", 0.5m, 45.01m)];
        var gross = lines.Select(l => Math.Round(l.Quantity * l.Price, 2, MidpointRounding.AwayFromZero)).ToArray();
        var (discounts, freights, others) = (Proration.Of(discount + coupon, gross), Proration.Of(freight, gross), Proration.Of(other, gross));
        var items = lines.Select((l, i) => new NfeOrderItem(i + 1, l.Sku, "PRODUTO " + l.Sku, "61091000", l.Quantity, l.Price,
            discounts[i], freights[i], others[i])).ToList();
        var expected = gross.Sum() - discount - coupon + freight + other;
        var order = Samples.Tshirts() with { Items = items, ExpectedTotal = expected };

        // DIFAL charged (a Simples Nacional emitter only when its accountant says so) so its totals are checked too.
        foreach (var emitter in new[] { Samples.SimplesNacional with { Difal = Domain.Taxes.DifalPolicy.Due }, Samples.RegimeNormal })
        {
            var built = Samples.Builder.Build(order with { Recipient = Samples.ConsumerInRio }, emitter, Samples.Identity());
            var xml = SignedAndValid(built.Xml, Domain.Keys.NfeSchemaPackage.Pl009V4);

            Assert.Equal(expected, built.Total);
            Assert.Equal(expected, Money(xml, "total/ICMSTot/vNF"));
            foreach (var (total, item) in new[] { ("vProd", "vProd"), ("vDesc", "vDesc"), ("vFrete", "vFrete"), ("vOutro", "vOutro") })
                Assert.Equal(Money(xml, $"total/ICMSTot/{total}"), SumOf(xml, item));
            Assert.Equal(Money(xml, "total/ICMSTot/vProd") - Money(xml, "total/ICMSTot/vDesc") + Money(xml, "total/ICMSTot/vFrete") + Money(xml, "total/ICMSTot/vOutro"),
                Money(xml, "total/ICMSTot/vNF"));
            foreach (var tax in new[] { "vICMS", "vPIS", "vCOFINS", "vICMSUFDest", "vFCPUFDest" })
                Assert.Equal(Money(xml, $"total/ICMSTot/{tax}"), SumOf(xml, tax));
            Assert.Equal(Money(xml, "total/ICMSTot/vNF"), Money(xml, "pag/detPag/vPag"));
        }
    }

    [Fact]
    public void A_note_that_does_not_add_up_to_the_orders_total_is_refused()
    {
        var order = Samples.Tshirts() with { ExpectedTotal = 109.81m };

        var error = Assert.Throws<Domain.NfeDataException>(() => Samples.Builder.Build(order, Samples.SimplesNacional, Samples.Identity()));
        Assert.Contains("109.80", error.Message);
        Assert.Contains("109.81", error.Message);
    }

    private static decimal SumOf(string xml, string name) =>
        Items(xml).SelectMany(item => item.Descendants(Ns + name)).Sum(e => decimal.Parse(e.Value, System.Globalization.CultureInfo.InvariantCulture));
}
