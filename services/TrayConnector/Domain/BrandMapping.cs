using TrayBridge.ServiceDefaults.Text;

namespace TrayBridge.TrayConnector.Domain;

/// <summary>An ERP brand's counterpart on one store, keyed by the brand folded (accents and case do not make two brands).</summary>
public sealed class BrandMapping
{
    public required string Id { get; set; }
    public required string StoreId { get; set; }
    public required string Brand { get; set; }
    public required string TrayBrandId { get; set; }
    public required string TrayBrandName { get; set; }
    public MappingOrigin Origin { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static string IdFor(string storeId, string brand) => $"{storeId}:{TextFolding.Fold(brand.Trim())}";
}
