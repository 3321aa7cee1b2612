using TrayBridge.Catalog.Domain;
using TrayBridge.Contracts.Catalog;

namespace TrayBridge.Catalog.Features.Products;

public sealed record ProductResponse(Guid Id, string Sku, string Name, decimal Price, decimal? PromotionalPrice, decimal Stock,
    bool Available, long Version, DateTimeOffset UpdatedAt, IReadOnlyList<ImageLink> Images)
{
    public static ProductResponse From(Product p) => From(p, []);

    public static ProductResponse From(Product p, IReadOnlyList<ImageLink> images) =>
        new(p.Id, p.Sku, p.Name, p.Price, p.PromotionalPrice, p.Stock, p.Available, p.Version, p.UpdatedAt, images);
}

/// <summary>A picture's public, signed address (what Tray downloads as <c>picture_source_N</c>).</summary>
public sealed record ImageLink(int Position, string Url);

internal static class ProductEvents
{
    public static ProductChanged Changed(Product p, string tenantId, DateTimeOffset now) =>
        new(tenantId, p.Id, p.Version, p.Sku, p.Price, p.PromotionalPrice, p.Stock, p.Available, now);
}
