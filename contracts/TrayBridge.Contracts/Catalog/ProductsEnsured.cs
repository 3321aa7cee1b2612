using MassTransit;

namespace TrayBridge.Contracts.Catalog;

/// <summary>Response to <see cref="EnsureProducts"/>: the ERP product for each requested line, in request order.</summary>
[MessageUrn("traybridge:catalog:products-ensured:v1", false)]
[EntityName("traybridge.catalog.products-ensured")]
[PublishedBy("Catalog", Role = MessageRole.Response)]
public sealed record ProductsEnsured(
    string TenantId, IReadOnlyList<EnsuredProduct> Items, DateTimeOffset OccurredAt) : ITenantMessage;

/// <summary>The ERP product (and variation) matched or created for a Tray line.</summary>
public sealed record EnsuredProduct(string TrayProductId, string? TrayVariantId, Guid ProductId, Guid? VariationId, bool Created);
