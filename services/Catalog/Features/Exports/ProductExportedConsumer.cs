using Marten;
using MassTransit;
using TrayBridge.Catalog.Domain;
using TrayBridge.Contracts.TrayConnector;

namespace TrayBridge.Catalog.Features.Exports;

/// <summary>A product now lives on Tray: its export item and its link to the store say so, with the Tray product id and the
/// Tray variant id of each variation.</summary>
public sealed class ProductExportedConsumer(IDocumentStore store, TimeProvider time) : IConsumer<ProductExported>
{
    public Task Consume(ConsumeContext<ProductExported> context)
    {
        var m = context.Message;
        var now = time.GetUtcNow();
        return ExportOutcome.ApplyAsync(store, context, nameof(ProductExportedConsumer), time, m.StoreId, m.ExportId, m.ProductId,
            item => item.MarkExported(m.TrayProductId, now), link => link.MarkExported(m.ProductVersion, m.TrayProductId,
                (m.Variants ?? []).Select(v => new LinkedVariant(v.VariationId, v.TrayVariantId)), now));
    }
}
