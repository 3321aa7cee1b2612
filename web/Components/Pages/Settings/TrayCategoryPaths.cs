using TrayBridge.Api.Tray;

namespace TrayBridge.Web.Components.Pages.Settings;

/// <summary>Tray lists categories flat with their parent; people choose by path ("Roupas › Camisetas"). A parent missing
/// from the list (or a loop in what Tray says) ends the path instead of hanging the page.</summary>
public static class TrayCategoryPaths
{
    public static IReadOnlyList<(string Id, string Path)> Of(IReadOnlyList<TrayCategory> categories)
    {
        var byId = categories.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First());
        return categories.Select(c => (c.Id, Path(c, byId))).OrderBy(c => c.Item2, StringComparer.CurrentCulture).ToList();
    }

    public static string PathOf(string id, IReadOnlyList<TrayCategory> categories)
    {
        var byId = categories.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First());
        return byId.TryGetValue(id, out var category) ? Path(category, byId) : $"categoria {id} (não encontrada na Tray)";
    }

    private static string Path(TrayCategory category, Dictionary<string, TrayCategory> byId)
    {
        var names = new List<string>();
        var seen = new HashSet<string>();
        for (var current = category; current is not null && seen.Add(current.Id); current = byId.GetValueOrDefault(current.ParentId))
            names.Add(current.Name);
        names.Reverse();
        return string.Join(" › ", names);
    }
}
