using MassTransit;

namespace TrayBridge.Contracts.Catalog;

/// <summary>A product's sellable data (price, stock, availability) changed in the ERP; <see cref="ProductVersion"/> only grows.</summary>
[MessageUrn("traybridge:catalog:product-changed:v1", false)]
[EntityName("traybridge.catalog.product-changed")]
[PublishedBy("Catalog")]
public sealed record ProductChanged(
    string TenantId, Guid ProductId, long ProductVersion, string Sku, decimal Price, decimal? PromotionalPrice,
    decimal Stock, bool Available, DateTimeOffset OccurredAt) : ITenantMessage
{
    /// <summary>Each variation's price and stock (a product with variations sells them, not itself).</summary>
    public IReadOnlyList<VariationChanged> Variations { get; init; } = [];
}
