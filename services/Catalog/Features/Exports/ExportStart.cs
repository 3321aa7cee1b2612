using Marten;
using TrayBridge.Api.Catalog;
using TrayBridge.Catalog.Domain;
using TrayBridge.Catalog.Features.Categories;
using TrayBridge.ServiceDefaults.Persistence;

namespace TrayBridge.Catalog.Features.Exports;

/// <summary>What starting an export stores, in the caller's session: the export, a pending item and a full snapshot per product
/// (the relay publishes the snapshots after commit). A soft-deleted product gets no snapshot: its item fails at once, saying why.</summary>
internal static class ExportStart
{
    public const string DeletedReason = "Produto excluído no ERP: não é exportado.";

    public static async Task<ProductExport> AddAsync(IDocumentSession session, ProductSnapshots snapshots, string storeId,
        IReadOnlyList<Product> products, string? linkAction, string? relinkTrayProductId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var export = new ProductExport
        {
            Id = Guid.CreateVersion7(), StoreId = storeId, ProductCount = products.Count, RequestedAt = now,
            LinkAction = linkAction, RelinkTrayProductId = linkAction == "relink" ? relinkTrayProductId : null,
        };
        session.Store(export);
        var images = await snapshots.ImageUrlsAsync(session, products.Select(p => p.Id).ToList(), cancellationToken);
        var categories = await CategoryTree.LoadAsync(session, cancellationToken);
        foreach (var product in products)
        {
            var item = new ExportItem
            {
                Id = ExportItem.IdFor(export.Id, product.Id), ExportId = export.Id, ProductId = product.Id, Sku = product.Sku,
                Name = product.Name, ProductVersion = product.Version, UpdatedAt = now,
            };
            session.Store(item);
            if (product.DeletedAt is not null)
            {
                item.MarkFailed(DeletedReason, ExportReasonCodes.ProductDeleted, [], retryable: false, now);
                continue;
            }
            session.AppendIntegrationEvent(export.Id,
                ProductSnapshots.Snapshot(product, session.TenantId, storeId, export.Id, images, categories, now) with
                {
                    LinkAction = export.LinkAction, RelinkTrayProductId = export.RelinkTrayProductId,
                });
        }
        return export;
    }
}
