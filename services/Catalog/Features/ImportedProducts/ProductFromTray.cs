using TrayBridge.ServiceDefaults.Text;
using TrayBridge.Catalog.Domain;
using TrayBridge.Contracts.Catalog;
using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.Catalog.Features.ImportedProducts;

/// <summary>The product a Tray order line creates when the catalog has none: Tray's SKU, name and price, its NCM and EAN
/// only when valid, stock 0. A bad code from Tray must not block the import: it is dropped, and the product shows as
/// missing NCM (or EAN) like any other incomplete one.</summary>
internal static class ProductFromTray
{
    /// <summary>The SKU the line is matched and created under. Tray's own is kept exactly (even past the 60 characters a
    /// person may type), since exact matching is what keeps one product per SKU; without one, Tray's ids stand in.</summary>
    public static string SkuOf(EnsureProductItem item)
    {
        if (item.Sku?.Trim() is { Length: > 0 } sku) return sku;
        var productId = item.TrayProductId?.Trim() is { Length: > 0 } id ? id
            : throw new ArgumentException("An order line with neither SKU nor Tray product id cannot be matched or created.");
        return item.TrayVariantId?.Trim() is { Length: > 0 } variant ? $"TRAY-{productId}-{variant}" : $"TRAY-{productId}";
    }

    public static Product Create(EnsureProductItem item, DateTimeOffset now)
    {
        var sku = SkuOf(item);
        var name = item.Name?.Trim() is { Length: > 0 } given ? given : sku;
        // The product form allows 200 characters: an imported product must stay editable.
        if (name.Length > 200) name = name[..200].TrimEnd();
        return new Product
        {
            Id = Guid.CreateVersion7(now),
            Sku = sku,
            Name = name,
            SearchName = TextFolding.Fold(name),
            Ean = ValidEan(item.Ean),
            Ncm = ValidNcm(item.Ncm),
            Price = item.Price,
            Stock = 0,
            Version = 1,
            UpdatedAt = now,
            CreatedByImport = true,
        };
    }

    public static string? ValidEan(string? ean) => ean?.Trim() is { } code && Gtin.IsValid(code) ? code : null;

    /// <summary>Tray often shows NCM as <c>6109.10.00</c>: the dots go, the 8 digits stay.</summary>
    public static string? ValidNcm(string? ncm)
    {
        var digits = ncm?.Replace(".", "").Replace(" ", "").Trim();
        return digits is { Length: 8 } && digits.All(char.IsAsciiDigit) ? digits : null;
    }
}
