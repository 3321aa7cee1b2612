using MassTransit;

namespace TrayBridge.Contracts.Catalog;

/// <summary>Request to Catalog: find (by store link, then SKU) or create the products of an imported Tray order.</summary>
[MessageUrn("traybridge:catalog:ensure-products:v1", false)]
[EntityName("traybridge.catalog.ensure-products")]
[PublishedBy("Orders", Role = MessageRole.Request)]
public sealed record EnsureProducts(
    string TenantId, string StoreId, IReadOnlyList<EnsureProductItem> Items, DateTimeOffset OccurredAt) : ITenantMessage;

/// <summary>One product line as Tray knows it.</summary>
public sealed record EnsureProductItem(
    string TrayProductId, string? TrayVariantId, string Sku, string Name, string? Ncm, string? Ean, decimal Price);
