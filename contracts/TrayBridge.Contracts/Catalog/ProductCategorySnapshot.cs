namespace TrayBridge.Contracts.Catalog;

/// <summary>One level of a product's ERP category path, root first (e.g. "Vestuário", then "Camisetas").</summary>
/// <param name="CategoryId">The ERP category id.</param>
/// <param name="Name">The name, as people read it.</param>
public sealed record ProductCategorySnapshot(Guid CategoryId, string Name);
