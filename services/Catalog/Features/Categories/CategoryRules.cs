using TrayBridge.Api.Catalog;
using TrayBridge.Catalog.Domain;
using TrayBridge.ServiceDefaults.Text;

namespace TrayBridge.Catalog.Features.Categories;

/// <summary>What a category sent by a user (<see cref="CategoryInput"/>) must meet, and how it is stored.</summary>
public static class CategoryRules
{
    public static Dictionary<string, string[]> Validate(this CategoryInput input, CategoryTree tree, Guid? self)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > CategoryInput.MaxName)
            errors["name"] = [$"Informe o nome, com até {CategoryInput.MaxName} caracteres."];
        if (input.ParentId is { } parent && tree.Find(parent) is null) errors["parentId"] = ["Categoria superior não encontrada."];
        else if (input.ParentId is { } moved && self is { } id && tree.IsWithin(moved, id))
            errors["parentId"] = ["Uma categoria não pode ficar dentro dela mesma nem de uma de suas subcategorias."];
        return errors;
    }

    public static void ApplyTo(this CategoryInput input, Category category)
    {
        category.Name = input.Name!.Trim();
        category.ParentId = input.ParentId;
        category.ParentKey = input.ParentId?.ToString() ?? "";
        category.NameKey = TextFolding.Fold(category.Name);
    }
}
