using Marten;
using MassTransit;
using TrayBridge.Contracts.Orders;
using TrayBridge.Orders.Domain;

namespace TrayBridge.Orders.Features.Invoicing;

/// <summary>Invoicing's request for a chunk of a batch: the live sales orders in one read and one answer, each as
/// <see cref="SalesOrderForInvoiceConsumer.Answer"/> gives it (an unknown id answered as not found). Read-only, so a
/// redelivered request is simply answered again.</summary>
public sealed class SalesOrdersForInvoiceConsumer(IDocumentStore store, TimeProvider time) : IConsumer<SalesOrdersForInvoiceRequested>
{
    public async Task Consume(ConsumeContext<SalesOrdersForInvoiceRequested> context)
    {
        var request = context.Message;
        // The bound is the contract's: a larger request is a caller's bug, answered for its first ids only.
        var ids = request.SalesOrderIds.Distinct().Take(SalesOrdersForInvoiceRequested.MaxOrders).ToList();
        await using var session = store.QuerySession(request.TenantId);
        var found = (await session.LoadManyAsync<SalesOrder>(context.CancellationToken, ids)).ToDictionary(o => o.Id);
        var now = time.GetUtcNow();
        await context.RespondAsync(new SalesOrdersForInvoice(request.TenantId,
            [.. ids.Select(id => SalesOrderForInvoiceConsumer.Answer(request.TenantId, id, found.GetValueOrDefault(id), now))], now));
    }
}
