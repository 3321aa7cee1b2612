using TrayBridge.Catalog.Domain;

namespace TrayBridge.Catalog.Features.Products;

/// <summary>What a user sends to create or change a product.</summary>
public sealed record ProductInput(string? Sku, string? Name, decimal Price, decimal? PromotionalPrice, decimal Stock, bool? Available)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Sku) || Sku.Length > 60) errors["sku"] = ["SKU/reference is required, up to 60 characters."];
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 200) errors["name"] = ["Name is required, up to 200 characters."];
        // Tray shows a zero price as "sob consulta": refuse it rather than publish an unsellable product.
        if (Price <= 0) errors["price"] = ["Price must be greater than zero."];
        if (PromotionalPrice is { } promo && (promo <= 0 || promo >= Price))
            errors["promotionalPrice"] = ["Promotional price must be greater than zero and lower than the price."];
        if (Stock < 0) errors["stock"] = ["Stock cannot be negative."];
        return errors;
    }

    public void ApplyTo(Product product, DateTimeOffset now)
    {
        product.Sku = Sku!.Trim();
        product.Name = Name!.Trim();
        product.Price = Price;
        product.PromotionalPrice = PromotionalPrice;
        product.Stock = Stock;
        product.Available = Available ?? true;
        product.Version++;
        product.UpdatedAt = now;
    }
}
