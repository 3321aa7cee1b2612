using Marten;
using MassTransit;
using TrayBridge.Contracts.Catalog;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Messaging;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.ProductSync;

/// <summary>Records the newest wanted price/stock of a product and makes sure one sync run is due. A redelivered copy changes
/// nothing (processed-message record); an older version arriving late counts as received but never replaces newer data.</summary>
public sealed class ProductChangedConsumer(IDocumentStore store, DueWorkScheduler scheduler, TimeProvider time,
    ILogger<ProductChangedConsumer> logger) : IConsumer<ProductChanged>
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
            state.Variations = (change.Variations ?? []).Select(v => new VariationWanted(v.VariationId, v.Price, v.PromotionalPrice, v.Stock)).ToList();
            state.LastChangeAt = change.OccurredAt;
        }
        if (!state.SyncScheduled)
        {
            // An idle product goes out at once; right after a run, the next one waits a little so a burst becomes a few calls.
            var due = state.LastSentAt is { } sent ? Max(time.GetUtcNow(), sent + ProductSyncRun.Spacing) : time.GetUtcNow();
            // Runs of one product never overlap (its versions go out in order); the product spans the tenant's stores, so
            // its partition is the tenant.
            scheduler.Schedule(session, ProductSyncRun.DueWorkKind, new ProductSyncRun.Payload(state.Id), due, orderingKey: $"product:{state.Id}");
            state.SyncScheduled = true;
        }
        session.Store(state);
        await session.SaveChangesAsync(context.CancellationToken);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
