using TrayBridge.Orders.Domain;

namespace TrayBridge.Orders.Tests;

public sealed class SalesOrderNfeTests
{
    private static SalesOrder Ready() => SalesOrderFactoryTests.Import(TrayOrders.Order()).Order!;
    private const string Key = "35261159123456000190550010000012011000012017";

    [Fact]
    public void An_authorized_note_invoices_the_order_even_if_it_became_divergent_meanwhile()
    {
        var order = Ready();
        order.MarkDivergent("edited on Tray");

        Assert.Equal(OrderChange.Applied, order.RecordNfeIssued(Key, 1201, 1, DateTimeOffset.UtcNow));
        Assert.Equal((SalesOrderStatus.Faturado, Key), (order.Status, order.NfeKey));
        Assert.NotNull(order.Divergence);
        Assert.Equal(OrderChange.Applied, order.RecordNfeIssued(Key, 1201, 1, DateTimeOffset.UtcNow));
        Assert.Equal(OrderChange.Locked, order.RecordNfeIssued("9" + Key[1..], 1202, 1, DateTimeOffset.UtcNow));
        Assert.Equal(1201, order.NfeNumber);
    }

    [Fact]
    public void A_rejection_shows_until_a_newer_one_or_an_authorization_and_never_changes_readiness()
    {
        var order = Ready();
        var at = DateTimeOffset.UtcNow;
        order.RecordNfeRejected("209", "IE inválida", at);
        order.RecordNfeRejected("539", "Duplicidade", at.AddMinutes(-1)); // older, arriving late
        Assert.Equal("209", order.LastNfeRejection!.Code);
        Assert.Equal(SalesOrderStatus.ProntoParaFaturar, order.Status);

        order.RecordNfeIssued(Key, 1201, 1, at.AddMinutes(1));
        Assert.Null(order.LastNfeRejection);
        order.RecordNfeRejected("204", "Duplicidade de NF-e", at.AddMinutes(2));
        Assert.Null(order.LastNfeRejection);
    }
}
