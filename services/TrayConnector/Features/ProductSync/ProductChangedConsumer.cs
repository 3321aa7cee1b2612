using Marten;
using MassTransit;
using TrayBridge.Contracts.Catalog;
using TrayBridge.ServiceDefaults.Messaging;

namespace TrayBridge.TrayConnector.Features.ProductSync;

/// <summary>Records the newest wanted price/stock of a product. A redelivered copy changes nothing (processed-message
/// record); an older version arriving late counts as received but never replaces newer data.</summary>
public sealed class ProductChangedConsumer(IDocumentStore store, TimeProvider time, ILogger<ProductChangedConsumer> logger)
    : IConsumer<ProductChanged>
{
    public async Task Consume(ConsumeContext<ProductChanged> context)
    {
        var change = context.Message;
        await using var session = store.LightweightSession(change.TenantId);
        if (!await session.TryMarkProcessedAsync(context, nameof(ProductChangedConsumer), time))
        {
            logger.LogInformation("Ignored a copy of ProductChanged {MessageId} (product {ProductId} v{Version}): already applied",
                context.MessageId, change.ProductId, change.ProductVersion);
            return;
        }
        var state = await session.LoadAsync<ProductSyncState>(change.ProductId, context.CancellationToken)
            ?? new ProductSyncState { Id = change.ProductId };
        state.ChangesReceived++;
        if (change.ProductVersion > state.DesiredVersion)
        {
            state.DesiredVersion = change.ProductVersion;
            state.Sku = change.Sku;
            state.Price = change.Price;
            state.PromotionalPrice = change.PromotionalPrice;
            state.Stock = change.Stock;
            state.Available = change.Available;
            state.LastChangeAt = change.OccurredAt;
        }
        session.Store(state);
        await session.SaveChangesAsync(context.CancellationToken);
    }
}
