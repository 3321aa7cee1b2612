using TrayBridge.Catalog.Domain;
using TrayBridge.ServiceDefaults.Text;

namespace TrayBridge.Catalog.Features.Categories;

/// <summary>What a user sends to create, rename or move a category.</summary>
public sealed record CategoryInput(string? Name, Guid? ParentId)
{
    /// <summary>Tray's category name field; longer names would be cut on the storefront menu.</summary>
    public const int MaxName = 100;

    public Dictionary<string, string[]> Validate(CategoryTree tree, Guid? self)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > MaxName)
            errors["name"] = [$"Name is required, up to {MaxName} characters."];
        if (ParentId is { } parent && tree.Find(parent) is null) errors["parentId"] = ["No such category."];
        else if (ParentId is { } moved && self is { } id && tree.IsWithin(moved, id))
            errors["parentId"] = ["A category cannot be placed under itself or under one of its subcategories."];
        return errors;
    }

    public void ApplyTo(Category category)
    {
        category.Name = Name!.Trim();
        category.ParentId = ParentId;
        category.ParentKey = ParentId?.ToString() ?? "";
        category.NameKey = TextFolding.Fold(category.Name);
    }
}
