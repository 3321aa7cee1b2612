using TrayBridge.Catalog.Domain;

namespace TrayBridge.Catalog.Features.Products;

/// <summary>A row of the product list; with a store, its situation there (and the last error when it is "Erro"), and the Tray
/// variant each variation became there.</summary>
public sealed record ProductRow(Guid Id, string Sku, string Name, string? Ean, string? Brand, decimal Price, decimal? PromotionalPrice,
    decimal Stock, bool Available, long Version, DateTimeOffset UpdatedAt, string? StoreId, string? Situation, string? TrayProductId,
    long? ExportedVersion, LinkError? LastError, bool CreatedByImport, int VariationCount, IReadOnlyList<LinkedVariant> TrayVariants)
{
    public static ProductRow From(Product p, string? storeId, ProductLink? link) =>
        new(p.Id, p.Sku, p.Name, p.Ean, p.Brand, p.Price, p.PromotionalPrice, p.Stock, p.Available, p.Version, p.UpdatedAt, storeId,
            storeId is null ? null : StoreSituation.Of(p, link), link?.TrayProductId, link?.ExportedVersion,
            link?.Status == ProductLink.Failed ? link.LastError : null, p.CreatedByImport, p.Variations.Count, link?.Variants ?? []);
}
