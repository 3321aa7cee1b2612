using MassTransit;

namespace TrayBridge.Contracts.TrayConnector;

/// <summary>A product snapshot now lives on Tray under these ids.</summary>
/// <param name="TenantId">The tenant (the ERP account) the event belongs to; equal to the TenantId header.</param>
/// <param name="StoreId">The Tray store id (Usuário of the Loja Virtual), as registered.</param>
/// <param name="ExportId">The export this answers (the ProductExportRequested it came from).</param>
/// <param name="ProductId">The ERP product id in the Catalog.</param>
/// <param name="ProductVersion">The product's version in the Catalog: it only grows; an older one arriving late is stale.</param>
/// <param name="TrayProductId">Tray's product id in that store.</param>
/// <param name="Variants">The Tray variant of each ERP variation (empty for a product without variations).</param>
/// <param name="OccurredAt">When it happened, in the publishing service's clock (UTC offset included).</param>
[MessageUrn("traybridge:tray:product-exported:v1", false)]
[EntityName("traybridge.tray.product-exported")]
[PublishedBy("TrayConnector")]
public sealed record ProductExported(
    string TenantId, string StoreId, Guid ExportId, Guid ProductId, long ProductVersion, string TrayProductId,
    IReadOnlyList<ExportedVariant> Variants, DateTimeOffset OccurredAt) : ITenantMessage;

/// <summary>The Tray variant created or updated for one ERP variation.</summary>
public sealed record ExportedVariant(Guid VariationId, string TrayVariantId);
