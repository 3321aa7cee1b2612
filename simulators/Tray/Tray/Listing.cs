using System.Globalization;
using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Settings;

namespace TrayBridge.TraySimulator.Tray;

/// <summary>The list envelope: <c>paging</c>, <c>sort</c>, <c>availableFilters</c>, <c>appliedFilters</c>, then the
/// plural collection of singular-wrapped items (tray-api.md §1.5).</summary>
public static class Listing
{
    public const int DefaultLimit = 30;
    public const int MaxLimit = 50;

    public static IResult Page<T>(HttpContext http, SimulatorSettings settings, IEnumerable<T> items, ListSpec<T> spec,
        Func<T, JsonNode> element)
    {
        var query = http.Request.Query;
        var limit = int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var l) && l > 0 ? l : DefaultLimit;
        if (limit > MaxLimit && settings.RejectLimitAboveMax)
            return TrayError.BadRequest(http, $"O limite máximo por página é {MaxLimit}");
        limit = Math.Min(limit, MaxLimit);
        var page = int.TryParse(query["page"], CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;

        var applied = new JsonObject();
        foreach (var (name, matches) in spec.Filters)
            if (query[name].FirstOrDefault() is { Length: > 0 } wanted)
            {
                items = items.Where(item => matches(item, wanted));
                applied[name] = wanted;
            }
        foreach (var (name, instant) in spec.Days)
            if (query[name].FirstOrDefault() is { Length: > 0 } wanted)
            {
                var (range, refusal) = DayRange.Parse(name, wanted, settings.DateRangeFilter);
                if (refusal is not null) return TrayError.BadRequest(http, refusal);
                if (range is { } days) items = items.Where(item => days.Contains(instant(item)));
                applied[name] = wanted;
            }

        var (sortField, descending) = ParseSort(query["sort"].FirstOrDefault(), spec);
        var key = spec.Sorts.GetValueOrDefault(sortField) ?? (item => spec.Id(item));
        var filtered = (descending ? items.OrderByDescending(key) : items.OrderBy(key)).ToList();

        return Results.Json(new JsonObject
        {
            ["paging"] = new JsonObject
            {
                ["total"] = filtered.Count, ["page"] = page, ["offset"] = (page - 1) * limit, ["limit"] = limit, ["maxLimit"] = MaxLimit,
            },
            ["sort"] = new JsonArray(new JsonObject { [sortField] = descending ? "desc" : "asc" }),
            ["availableFilters"] = new JsonArray(spec.AvailableFilters.Select(f => (JsonNode)f).ToArray()),
            ["appliedFilters"] = TrayValues.MapOrEmpty(applied),
            [spec.Collection] = new JsonArray(filtered.Skip((page - 1) * limit).Take(limit).Select(element).ToArray()),
        });
    }

    // "{field}_{asc|desc}", e.g. sort=id_desc; unknown fields fall back to id.
    private static (string Field, bool Descending) ParseSort<T>(string? sort, ListSpec<T> spec)
    {
        if (sort is null) return ("id", false);
        var cut = sort.LastIndexOf('_');
        var (field, direction) = cut > 0 ? (sort[..cut], sort[(cut + 1)..]) : (sort, "asc");
        return (spec.Sorts.ContainsKey(field) ? field : "id", direction.Equals("desc", StringComparison.OrdinalIgnoreCase));
    }
}
