using System.Text.Json;

namespace TrayBridge.Invoicing.IntegrationTests;

/// <summary>Issue 6: two batches issued at once over overlapping orders invoice each order once, and the numbers they
/// take have no gap — the counter row is taken in the transaction that stores the note, and a refused note gives it back.</summary>
public sealed class ConcurrentBatchTests(InvoicingFixture fixture) : IClassFixture<InvoicingFixture>
{
    [Fact]
    public async Task Concurrent_batches_over_overlapping_orders_invoice_each_order_once_with_no_gap()
    {
        using var tenant = await Tenant.WithEmitterAsync(fixture, "tenant-batch-race", series: 13);
        var orders = Enumerable.Range(0, 8).Select(_ => fixture.Orders.AddReady(tenant.Id)).ToArray();

        var accepted = await Task.WhenAll(tenant.IssueAsync(orders[..6]), tenant.IssueAsync(orders[2..]));
        var batches = await Task.WhenAll(accepted.Select(b => tenant.SettledBatchAsync(b.GetProperty("id").GetGuid())));

        var issued = batches.Sum(b => b.GetProperty("counts").GetProperty("authorized").GetInt32());
        Assert.Equal(8, issued);
        var notes = await tenant.NotesAsync();
        Assert.Equal(orders.Order(), notes.Select(n => n.GetProperty("salesOrderId").GetGuid()).Order());
        Assert.Equal(Enumerable.Range(1, 8), notes.Select(n => n.GetProperty("number").GetInt32()).Order());
        Assert.All(notes, n => Assert.Equal("Authorized", n.GetProperty("status").GetString()));
        var skipped = batches.SelectMany(b => Tenant.Skipped(b).Values).ToList();
        Assert.Equal(4, skipped.Count);
        Assert.All(skipped, reason => Assert.Contains(reason.Code, new[] { "order.has_nfe", "order.invoiced_by_another_batch" }));
    }
}
