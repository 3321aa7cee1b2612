namespace TrayBridge.Api.Catalog;

/// <summary><c>POST /api/catalog/categories</c>, <c>PUT /api/catalog/categories/{id}</c>: create, rename or move a category
/// (<see cref="ParentId"/> null: at the root).</summary>
public sealed record CategoryInput(string? Name, Guid? ParentId)
{
    /// <summary>Tray's category name field; longer names would be cut on the storefront menu.</summary>
    public const int MaxName = 100;
}

/// <summary>A category of the ERP's tree; <see cref="Path"/> reads from the root, "Vestuário > Camisetas".
/// <c>GET /api/catalog/categories</c> lists the whole tree ordered by path.</summary>
public sealed record CategoryResponse(Guid Id, string Name, Guid? ParentId, string Path);
