namespace TrayBridge.Contracts.Catalog;

/// <summary>A variation's sellable data as of <see cref="ProductChanged.ProductVersion"/>.</summary>
public sealed record VariationChanged(Guid VariationId, string Sku, decimal Price, decimal? PromotionalPrice, decimal Stock);
