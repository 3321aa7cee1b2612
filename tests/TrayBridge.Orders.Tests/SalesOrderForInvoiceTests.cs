using TrayBridge.Orders.Domain;
using TrayBridge.Orders.Features.Invoicing;

namespace TrayBridge.Orders.Tests;

/// <summary>Issue 6: what Orders answers Invoicing at batch time, from the live sales order.</summary>
public sealed class SalesOrderForInvoiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_ready_order_answers_its_recipient_invoice_address_and_prorated_items()
    {
        var order = SalesOrderFactoryTests.Import(TrayOrders.Order()).Order!;

        var answer = SalesOrderForInvoiceConsumer.Answer("acme", order.Id, order, Now);

        Assert.True(answer.Found);
        Assert.Equal("ProntoParaFaturar", answer.Status);
        var data = answer.Order!;
        Assert.Equal(("391250", "1001", 135.00m), (data.StoreId, data.TrayOrderId, data.Total));
        Assert.Equal(("52998224725", false, "3550308"), (data.Recipient.Document, data.Recipient.IsCompany, data.Recipient.IbgeCode));
        Assert.Equal("SP", data.Recipient.Uf);
        Assert.Equal([1, 2], data.Items.Select(i => i.Line));
        Assert.Equal([7.69m, 2.31m], data.Items.Select(i => i.Discount));
        Assert.Equal([11.54m, 3.46m], data.Items.Select(i => i.Freight));
        Assert.All(data.Items, i => Assert.Equal("61091000", i.Ncm));
    }

    [Fact]
    public void A_pending_order_answers_what_is_missing_and_an_unknown_one_is_not_found()
    {
        var order = SalesOrderFactoryTests.Import(TrayOrders.Order() with { Items = [TrayOrders.Item("CAM-1", 2, 50.00m, ncm: null), TrayOrders.Item("BON-1", 1, 30.00m)] }).Order!;

        var pending = SalesOrderForInvoiceConsumer.Answer("acme", order.Id, order, Now);
        var unknown = SalesOrderForInvoiceConsumer.Answer("acme", Guid.NewGuid(), null, Now);

        Assert.Equal(nameof(SalesOrderStatus.PendenteDados), pending.Status);
        Assert.Equal("pending", pending.Situation);
        Assert.NotEmpty(pending.Missing);
        Assert.False(unknown.Found);
        Assert.Null(unknown.Order);
        Assert.Null(unknown.Situation);
    }
}
