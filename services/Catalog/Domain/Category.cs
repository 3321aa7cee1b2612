namespace TrayBridge.Catalog.Domain;

/// <summary>A node of the ERP's category tree (e.g. Vestuário › Camisetas). Products name their leaf; the export sends the
/// whole path, so the connector can map or create each level on a store.</summary>
public sealed class Category
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public Guid? ParentId { get; set; }
    /// <summary>Parent id as text ("" at the root) and the folded name: unique together per tenant, so two siblings never
    /// share a name (PostgreSQL would let two null parents through a plain unique index).</summary>
    public string ParentKey { get; set; } = "";
    public string NameKey { get; set; } = "";
}
