using MassTransit;

namespace TrayBridge.Contracts.TrayConnector;

/// <summary>A product snapshot now lives on Tray under these ids.</summary>
[MessageUrn("traybridge:tray:product-exported:v1", false)]
[EntityName("traybridge.tray.product-exported")]
[PublishedBy("TrayConnector")]
public sealed record ProductExported(
    string TenantId, string StoreId, Guid ExportId, Guid ProductId, long ProductVersion, string TrayProductId,
    IReadOnlyList<ExportedVariant> Variants, DateTimeOffset OccurredAt) : ITenantMessage;

/// <summary>The Tray variant created or updated for one ERP variation.</summary>
public sealed record ExportedVariant(Guid VariationId, string TrayVariantId);
