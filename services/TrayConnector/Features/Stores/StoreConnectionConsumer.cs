using Marten;
using MassTransit;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.Stores;

/// <summary>Answers whether a tenant has a store registered, for a service that has not heard <c>StoreConnected</c> yet (it
/// leaves after the registration commits, through the relay): read-only, from the committed store, so an answer of "connected"
/// is never given for a registration that did not commit, and a redelivered request is simply answered again.</summary>
public sealed class StoreConnectionConsumer(IDocumentStore documents, TimeProvider time) : IConsumer<StoreConnectionRequested>
{
    public async Task Consume(ConsumeContext<StoreConnectionRequested> context)
    {
        var request = context.Message;
        await using var session = documents.QuerySession(request.TenantId);
        var store = await session.LoadAsync<TrayStore>(request.StoreId, context.CancellationToken);
        await context.RespondAsync(new StoreConnection(request.TenantId, request.StoreId, store is not null, store?.ApiHost,
            store?.RegisteredAt, time.GetUtcNow()));
    }
}
