namespace TrayBridge.Api.Catalog;

/// <summary>The stable <c>code</c> of every ProblemDetails the Catalog answers besides <see cref="ApiProblem.Validation"/>.</summary>
public static class CatalogProblemCodes
{
    public const string ProductNotFound = "product.not_found";
    public const string VariationNotFound = "product.variation_not_found";
    /// <summary>409: saved by someone else since it was read; load it again.</summary>
    public const string ProductChanged = "product.changed";
    /// <summary>409 naming the field (<c>sku</c>, <c>variations[i].sku</c>) whose SKU another product or variation holds.</summary>
    public const string SkuInUse = "product.sku_in_use";
    /// <summary>422 naming <c>variations[i].id</c>: not a variation of this product, or sent twice.</summary>
    public const string UnknownVariation = "product.unknown_variation";
    /// <summary>422 naming <c>categoryId</c>.</summary>
    public const string UnknownCategory = "product.unknown_category";
    /// <summary>415: not a JPG or PNG of up to 10 MB, or not readable as a picture.</summary>
    /// <summary>410 on a picture's public link: the picture was replaced or its product removed.</summary>
    public const string ImageGone = "image.gone";
    public const string ImageUnsupported = "image.unsupported";
    public const string ImageTooLarge = "image.too_large";
    /// <summary>404: no picture at that position.</summary>
    public const string ImageNotFound = "image.not_found";
    public const string CategoryNotFound = "category.not_found";
    /// <summary>409 naming <c>name</c>: a sibling has it (accents and case folded).</summary>
    public const string CategoryNameInUse = "category.name_in_use";
    public const string CategoryHasSubcategories = "category.has_subcategories";
    public const string CategoryInUse = "category.in_use";
    /// <summary>404: the store is not one of <c>GET /api/catalog/stores</c>.</summary>
    public const string StoreNotFound = "store.not_found";
    /// <summary>422 naming <c>storeId</c>.</summary>
    public const string StoreNotConnected = "export.store_not_connected";
    /// <summary>503: the store is not known here yet and the connector, which owns the stores, did not answer in time; retry.</summary>
    public const string StoreLookupUnavailable = "store.lookup_unavailable";
    /// <summary>422 naming <c>productIds</c>.</summary>
    public const string UnknownProducts = "export.unknown_products";
    public const string ExportNotFound = "export.not_found";
    /// <summary>409: no product of the export failed, or those that did are deleted.</summary>
    public const string NothingToRetry = "export.nothing_to_retry";
}
