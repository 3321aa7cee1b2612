using MassTransit;

namespace TrayBridge.Contracts.Catalog;

/// <summary>Export (create or update) a product to one Tray store: a full snapshot at <see cref="ProductVersion"/>.</summary>
[MessageUrn("traybridge:catalog:product-export-requested:v1", false)]
[EntityName("traybridge.catalog.product-export-requested")]
public sealed record ProductExportRequested(
    string TenantId, string StoreId, Guid ExportId, Guid ProductId, long ProductVersion, string Sku, string Name,
    decimal Price, decimal Stock, DateTimeOffset OccurredAt) : ITenantMessage;
