using System.Globalization;
using System.Text.Json;

namespace TrayBridge.TrayConnector.Tray.Json;

/// <summary>Reading a Tray JSON tree by hand, for the big nested shapes (<c>/orders/{id}/complete</c>): every value may
/// be a string, a number, <c>""</c>, <c>null</c> or missing; an empty object may arrive as <c>[]</c> (tray-api.md §1.4).</summary>
public static class TrayElement
{
    /// <summary>A member as text, whether Tray sent it as a string or a number; null when missing, null or blank.</summary>
    public static string? Text(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? Scalar(value) : null;

    /// <summary>A value as text, string or number alike (every identifier Tray sends may be either, tray-api.md §2.3).</summary>
    public static string? Scalar(this JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    public static decimal Money(this JsonElement element, string name) =>
        decimal.TryParse(element.Text(name), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : 0m;

    /// <summary>A Tray id: <c>"0"</c> and <c>""</c> mean none.</summary>
    public static string? Id(this JsonElement element, string name) => element.Text(name) is { } id && id != "0" ? id : null;

    /// <summary>The id a record must have (a listed or created record), string or number; its absence is an unreadable answer.</summary>
    public static string RequiredId(this JsonElement element, string name = "id") =>
        element.Id(name) ?? throw new InvalidDataException($"Tray's answer has no '{name}'.");

    public static JsonElement Object(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value : default;

    public static bool IsPresent(this JsonElement element) => element.ValueKind == JsonValueKind.Object;

    /// <summary>The elements of a list member, each unwrapped from its singular key when it has one
    /// (<c>"ProductsSold": [{"ProductsSold": {...}}]</c>).</summary>
    public static IEnumerable<JsonElement> List(this JsonElement element, string name, string? wrapper = null)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array)
            yield break;
        foreach (var item in list.EnumerateArray())
            yield return wrapper is not null && item.ValueKind == JsonValueKind.Object && item.TryGetProperty(wrapper, out var inner) ? inner : item;
    }
}
