using System.Text.Json;
using TrayBridge.ServiceDefaults.Text;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;

namespace TrayBridge.TrayConnector.Features.CatalogMapping;

/// <summary>A store's categories on Tray, read once per resolution and matched here: Tray lists a root with
/// <c>"parent_id": ""</c>, so a server-side <c>parent_id=0</c> filter may find no root at all (and roots would be created
/// twice); how Tray's name filter matches is undocumented too. Read whole, at most <see cref="MaxCategories"/>.</summary>
public sealed class TrayCategoryList
{
    public const int MaxCategories = TrayCatalogLists.MaxRecords;

    private readonly List<(string Id, string? ParentId, string Key)> _categories = [];

    /// <summary>The store has more categories than were read: one not found may still exist.</summary>
    public bool Truncated { get; private set; }

    public static async Task<TrayCategoryList> ReadAsync(TrayApiClient tray, string tenantId, string storeId, CancellationToken cancellationToken)
    {
        var list = new TrayCategoryList();
        await foreach (var category in tray.ListAllAsync(tenantId, storeId, "categories", "Categories", "Category", TrayPriority.PriceStockSync,
                           cancellationToken))
        {
            if (list._categories.Count == MaxCategories)
            {
                list.Truncated = true;
                break;
            }
            list.Add(category.GetProperty("id").ToString(), ParentOf(category), category.GetProperty("name").ToString());
        }
        return list;
    }

    /// <summary>The ids of the categories named <paramref name="name"/> (accents and case aside) under <paramref name="parentId"/>
    /// (null: at the root).</summary>
    public List<string> Named(string name, string? parentId)
    {
        var key = Key(name);
        return [.. _categories.Where(c => c.Key == key && c.ParentId == parentId).Select(c => c.Id)];
    }

    public void Add(string id, string? parentId, string name) => _categories.Add((id, parentId, Key(name)));

    /// <summary>Null for a root: <c>""</c> as Tray lists one, <c>"0"</c>, null or absent.</summary>
    private static string? ParentOf(JsonElement category) =>
        category.TryGetProperty("parent_id", out var parent) && parent.ValueKind is JsonValueKind.String or JsonValueKind.Number
        && parent.ToString() is { Length: > 0 } id && id != "0" ? id : null;

    private static string Key(string name) => TextFolding.Fold(name.Trim());
}
