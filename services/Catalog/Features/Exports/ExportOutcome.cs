using Marten;
using MassTransit;
using TrayBridge.Catalog.Domain;
using TrayBridge.Contracts;
using TrayBridge.ServiceDefaults.Messaging;

namespace TrayBridge.Catalog.Features.Exports;

/// <summary>Applies one export outcome: the export's item and the product's link to the store commit in one session with
/// the processed-message record, so a redelivered copy changes nothing.</summary>
internal static class ExportOutcome
{
    public static async Task ApplyAsync<T>(IDocumentStore store, ConsumeContext<T> context, string consumer, TimeProvider time,
        string storeId, Guid exportId, Guid productId, Action<ExportItem> updateItem, Action<ProductLink> updateLink)
        where T : class, ITenantMessage
    {
        await using var session = store.LightweightSession(context.Message.TenantId);
        if (!await session.TryMarkProcessedAsync(context, consumer, time)) return;
        // The connector's continuous sync may report outcomes of no export of ours: the link still learns of them.
        if (await session.LoadAsync<ExportItem>(ExportItem.IdFor(exportId, productId), context.CancellationToken) is { } item)
        {
            updateItem(item);
            session.Store(item);
        }
        var link = await session.LoadAsync<ProductLink>(ProductLink.IdFor(storeId, productId), context.CancellationToken)
            ?? ProductLink.New(storeId, productId);
        updateLink(link);
        session.Store(link);
        await session.SaveChangesAsync(context.CancellationToken);
    }
}
