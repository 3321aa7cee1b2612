namespace TrayBridge.TrayConnector.Domain;

/// <summary>A store's choice of whether exports may create categories and brands on Tray. Off by default: a category
/// created on Tray shows in the storefront's menu at once, so it is the merchant's explicit decision.</summary>
public sealed class StoreCatalogOptions
{
    public required string Id { get; set; }
    public bool CreateCategories { get; set; }
    public bool CreateBrands { get; set; }
}
