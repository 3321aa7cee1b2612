using Marten;
using MassTransit;
using TrayBridge.Catalog.Domain;
using TrayBridge.Contracts.TrayConnector;

namespace TrayBridge.Catalog.Features.Exports;

/// <summary>Tray refused a product, or the connector gave up: the item and the link show why, in Tray's words.</summary>
public sealed class ProductExportFailedConsumer(IDocumentStore store, TimeProvider time) : IConsumer<ProductExportFailed>
{
    public Task Consume(ConsumeContext<ProductExportFailed> context)
    {
        var m = context.Message;
        var now = time.GetUtcNow();
        return ExportOutcome.ApplyAsync(store, context, nameof(ProductExportFailedConsumer), time, m.StoreId, m.ExportId, m.ProductId,
            item => item.MarkFailed(m.Reason, m.Causes, m.Retryable, now),
            link => link.MarkFailed(m.ProductVersion, new LinkError(m.Reason, m.Causes, m.Retryable, now)));
    }
}
