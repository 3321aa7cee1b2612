namespace TrayBridge.Api.Tray;

/// <summary><c>GET /api/tray/stores/{storeId}/catalog-mapping</c> (Configurações › Tray de/para): the create-on-Tray
/// options and every category and brand mapping. <c>origin</c> is <c>Manual</c>, <c>Matched</c> (found on Tray by name)
/// or <c>Created</c> (created on Tray by an export).</summary>
public sealed record CatalogMapping(string StoreId, bool CreateCategories, bool CreateBrands, IReadOnlyList<CategoryMappingItem> Categories,
    IReadOnlyList<BrandMappingItem> Brands);

public sealed record CategoryMappingItem(Guid ErpCategoryId, string TrayCategoryId, string Origin, DateTimeOffset UpdatedAt);

public sealed record BrandMappingItem(string Brand, string TrayBrandId, string TrayBrandName, string Origin, DateTimeOffset UpdatedAt);

/// <summary><c>PUT …/catalog-mapping/options</c>: may exports create categories / brands on Tray (off by default).</summary>
public sealed record CatalogMappingOptions(bool CreateCategories, bool CreateBrands);

/// <summary><c>PUT …/catalog-mapping/categories/{erpCategoryId}</c>.</summary>
public sealed record MapCategoryRequest(string? TrayCategoryId);

/// <summary><c>PUT …/catalog-mapping/brands</c>.</summary>
public sealed record MapBrandRequest(string? Brand, string? TrayBrandId);

/// <summary><c>GET …/tray-categories</c>: a Tray category with its parent ("0" at the root), to show the tree.</summary>
public sealed record TrayCategory(string Id, string ParentId, string Name);

/// <summary><c>GET …/tray-brands</c>.</summary>
public sealed record TrayBrand(string Id, string Name);
