namespace TrayBridge.TrayConnector.Domain;

/// <summary>How a mapping came to be: set by a person, found on Tray by name, or created on Tray by an export.</summary>
public enum MappingOrigin { Manual, Matched, Created }

/// <summary>An ERP category's counterpart on one store.</summary>
public sealed class CategoryMapping
{
    public required string Id { get; set; }
    public required string StoreId { get; set; }
    public Guid ErpCategoryId { get; set; }
    public required string TrayCategoryId { get; set; }
    public MappingOrigin Origin { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static string IdFor(string storeId, Guid erpCategoryId) => $"{storeId}:{erpCategoryId:N}";
}
