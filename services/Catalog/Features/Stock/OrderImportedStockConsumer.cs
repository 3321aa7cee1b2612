using Marten;
using MassTransit;
using TrayBridge.Contracts.Orders;

namespace TrayBridge.Catalog.Features.Stock;

/// <summary>An imported order takes its quantities from ERP stock; a cancelled one gives them back. A concurrent edit of
/// a product (optimistic concurrency) fails the whole commit, and the bus retries it.</summary>
public sealed class OrderImportedStockConsumer(IDocumentStore documents, TimeProvider time) : IConsumer<OrderImported>, IConsumer<SalesOrderCancelled>
{
    public async Task Consume(ConsumeContext<OrderImported> context)
    {
        var order = context.Message;
        await using var session = documents.LightweightSession(order.TenantId);
        await StockDeductions.ApplyAsync(session, order.StoreId, order.TrayOrderId,
            order.Items.Select(i => new DeductedLine(i.ProductId, i.VariationId, i.Quantity)).ToList(), time.GetUtcNow(), context.CancellationToken);
        await session.SaveChangesAsync(context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<SalesOrderCancelled> context)
    {
        var cancelled = context.Message;
        await using var session = documents.LightweightSession(cancelled.TenantId);
        await StockDeductions.ApplyAsync(session, cancelled.StoreId, cancelled.TrayOrderId, [], time.GetUtcNow(), context.CancellationToken,
            release: true);
        await session.SaveChangesAsync(context.CancellationToken);
    }
}
