using Marten;
using MassTransit;
using TrayBridge.Catalog.Domain;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.ServiceDefaults.Messaging;

namespace TrayBridge.Catalog.Features.Stores;

/// <summary>Keeps the tenant's known stores; a redelivered copy changes nothing, an older connection never replaces a newer one.</summary>
public sealed class StoreConnectedConsumer(IDocumentStore store, TimeProvider time) : IConsumer<StoreConnected>
{
    public async Task Consume(ConsumeContext<StoreConnected> context)
    {
        var connected = context.Message;
        await using var session = store.LightweightSession(connected.TenantId);
        if (!await session.TryMarkProcessedAsync(context, nameof(StoreConnectedConsumer), time)) return;
        var known = await session.LoadAsync<KnownStore>(connected.StoreId, context.CancellationToken);
        if (known is null || known.ConnectedAt <= connected.OccurredAt)
            session.Store(new KnownStore { Id = connected.StoreId, ApiAddress = connected.ApiAddress, ConnectedAt = connected.OccurredAt });
        await session.SaveChangesAsync(context.CancellationToken);
    }
}
