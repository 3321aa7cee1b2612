namespace TrayBridge.Contracts.Catalog;

/// <summary>One level of a product's ERP category path, root first (e.g. "Vestuário", then "Camisetas").</summary>
public sealed record ProductCategorySnapshot(Guid CategoryId, string Name);
