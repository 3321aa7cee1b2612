using Marten;
using MassTransit;
using TrayBridge.Api.Catalog;
using TrayBridge.Catalog.Domain;
using TrayBridge.Contracts.TrayConnector;

namespace TrayBridge.Catalog.Features.Exports;

/// <summary>Tray refused a product, or the connector gave up: the item and the link show why — the connector's Portuguese
/// reason, its code, and Tray's causes.</summary>
public sealed class ProductExportFailedConsumer(IDocumentStore store, TimeProvider time) : IConsumer<ProductExportFailed>
{
    public Task Consume(ConsumeContext<ProductExportFailed> context)
    {
        var m = context.Message;
        var now = time.GetUtcNow();
        // A sender older than reason codes still gets a code the panel can decide on: the generic one.
        var code = string.IsNullOrWhiteSpace(m.ReasonCode) ? ExportReasonCodes.Failed : m.ReasonCode;
        return ExportOutcome.ApplyAsync(store, context, nameof(ProductExportFailedConsumer), time, m.StoreId, m.ExportId, m.ProductId,
            item => item.MarkFailed(m.Reason, code, m.Causes, m.Retryable, now),
            link => link.MarkFailed(m.ProductVersion, new LinkError(m.Reason, m.Causes, m.Retryable, now) { Code = code }));
    }
}
